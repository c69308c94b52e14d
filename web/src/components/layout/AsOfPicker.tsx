import { useId } from 'react';
import { t } from '../../i18n/index.ts';
import { useAsOf } from '../../lib/as-of.ts';

/** The "as of" day of every figure on the page; it lives in the URL. Empty means today. */
export function AsOfPicker({ today }: { today: string | undefined }) {
  const { asOf, setAsOf } = useAsOf();
  const id = useId();
  return (
    <div className="as-of">
      <label htmlFor={id}>{t.asOf.label}</label>
      <input
        id={id}
        type="date"
        value={asOf ?? today ?? ''}
        min="2021-01-01"
        max={today}
        onChange={(event) => setAsOf(event.target.value === today ? null : event.target.value || null)}
      />
      {asOf && (
        <button type="button" className="link-button" onClick={() => setAsOf(null)}>
          {t.asOf.today}
        </button>
      )}
    </div>
  );
}
