import { useId } from 'react';
import { useQuery } from 'urql';
import { graphql } from '../../gql';
import type { Scope } from '../../gql/graphql.ts';
import { t } from '../../i18n/index.ts';
import { useAsOf } from '../../lib/as-of.ts';
import { addDays } from '../../lib/days.ts';
import { formatDate } from '../../lib/format.ts';
import { DateInput } from '../common/DateInput.tsx';

const lastActivityDocument = graphql(`
  query LastActivity($scope: Scope, $asOf: Date) {
    lastActivity(scope: $scope, asOf: $asOf)
  }
`);

/** Days without any recorded activity after which a page says that its figures stopped moving. */
export const QUIET_DAYS = 90;

/**
 * The "as of" day of every figure on the page; it lives in the URL. Empty means today. Beside it, up
 * to which day the scope has recorded activity: when nothing moved in the 90 days before the day
 * shown (the demo's data stops in 2022), the page says so and offers that last day in one click,
 * rather than tiles of "0 in the last 7 days" that read as a collapse.
 */
export function AsOfPicker({ today, scope }: { today: string | undefined; scope?: Scope | null }) {
  const { asOf, setAsOf } = useAsOf();
  const id = useId();
  const day = asOf ?? today;
  const [{ data }] = useQuery({
    query: lastActivityDocument,
    variables: { scope: scope ?? null, asOf },
    pause: !scope || !day,
  });
  const last = data?.lastActivity;
  const quiet = day !== undefined && last !== undefined && (last === null || addDays(last, QUIET_DAYS) < day);
  return (
    <div className="as-of">
      <div className="as-of__picker">
        <label htmlFor={id}>{t.asOf.label}</label>
        <DateInput
          id={id}
          value={day ?? ''}
          min="2021-01-01"
          max={today}
          onChange={(next) => setAsOf(next === today ? null : next)}
        />
        {asOf && (
          <button type="button" className="link-button" onClick={() => setAsOf(null)}>
            {t.asOf.today}
          </button>
        )}
      </div>
      {last !== undefined && (
        <p className={quiet ? 'as-of__freshness as-of__freshness--quiet' : 'as-of__freshness'} role="status">
          {last === null
            ? t.asOf.noActivity
            : quiet
              ? t.asOf.quiet(QUIET_DAYS, formatDate(last))
              : t.asOf.lastActivity(formatDate(last))}
          {quiet && last !== null && (
            <>
              {' '}
              <button type="button" className="button" onClick={() => setAsOf(last)}>
                {t.asOf.showLast(formatDate(last))}
              </button>
            </>
          )}
        </p>
      )}
    </div>
  );
}
