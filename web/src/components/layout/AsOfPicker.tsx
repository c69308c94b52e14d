import { useId } from 'react';
import { t } from '../../i18n/index.ts';
import { useAsOf } from '../../lib/as-of.ts';
import { DateInput } from '../common/DateInput.tsx';

/** The "as of" day of every figure on the page; it lives in the URL. Empty means today. */
export function AsOfPicker({ today }: { today: string | undefined }) {
  const { asOf, setAsOf } = useAsOf();
  const id = useId();
  return (
    <div className="as-of">
      <label htmlFor={id}>{t.asOf.label}</label>
      <DateInput
        id={id}
        value={asOf ?? today ?? ''}
        min="2021-01-01"
        max={today}
        onChange={(day) => setAsOf(day === today ? null : day)}
      />
      {asOf && (
        <button type="button" className="link-button" onClick={() => setAsOf(null)}>
          {t.asOf.today}
        </button>
      )}
    </div>
  );
}
