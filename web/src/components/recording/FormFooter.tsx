import type { ReactNode } from 'react';
import { t } from '../../i18n/index.ts';

/** A recording form's last rows: the server's problem that names no field, Save, and what was saved. */
export function FormFooter({
  general,
  busy,
  done,
}: {
  general: ReactNode;
  busy: boolean;
  done: string | null;
}) {
  return (
    <>
      {general}
      <div />
      <div>
        <button type="submit" className="button button--primary" disabled={busy}>
          {t.recording.save}
        </button>
        {done && (
          <p className="form-done" role="status">
            {done}
          </p>
        )}
      </div>
    </>
  );
}
