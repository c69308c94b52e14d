import { t } from '../../i18n/index.ts';
import { useAsOf } from '../../lib/as-of.ts';
import { formatDate } from '../../lib/format.ts';

/**
 * Says, above any page, that the day its address named could not be shown and which day is shown
 * instead: `?asOf=2021-02-30` or `abc` does not exist, `?asOf=2030-01-01` lies in the future. Without
 * it the page would silently show today, or title today's figures 2030.
 */
export function AsOfNotice() {
  const { problem, setAsOf } = useAsOf();
  if (!problem) return null;
  return (
    <div className="notice notice--warning" role="alert">
      <p>
        {problem.kind === 'invalid'
          ? t.asOf.invalid(problem.raw)
          : t.asOf.future(formatDate(problem.raw), formatDate(problem.today))}
      </p>
      <button type="button" className="button" onClick={() => setAsOf(null)}>
        {t.asOf.dismiss}
      </button>
    </div>
  );
}
