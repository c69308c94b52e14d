import { graphql } from '../../gql';
import { t } from '../../i18n/index.ts';
import { formatDate, formatInteger, formatPercent } from '../../lib/format.ts';
import { useLoadable } from '../../lib/useLoadable.ts';
import { LoadableContent } from '../common/LoadableContent.tsx';
import { Panel } from '../common/Panel.tsx';
import { RateBar } from '../common/RateBar.tsx';

// The goal that applies to the area (its own or the nearest above), the pace of the last 7 and 28
// days, and the day the goal's rate is reached at the 28-day pace (80 % when no goal is set).
const goalPanelDocument = graphql(`
  query GoalPanel($scope: Scope!, $asOf: Date, $rate: Float!) {
    coverage(scope: $scope, asOf: $asOf) {
      activationRate
      goal {
        area {
          name
        }
        rate
        deadline
        activationsNeeded
        daysLeft
        neededPerDay
        met
      }
    }
    pace(scope: $scope, asOf: $asOf) {
      perDayLast7
      perDayLast28
    }
    forecast(scope: $scope, asOf: $asOf, targetRate: $rate) {
      date
    }
  }
`);

const DEFAULT_RATE = 0.8;

/** How far the area is from its goal, how fast it goes, and when it gets there at that pace. */
export function GoalPanel({
  scope,
  asOf,
  goalRate,
}: {
  /** The area, in its geography. */
  scope: { areaId: string; geography: string };
  asOf: string | null;
  goalRate?: number;
}) {
  const rate = goalRate ?? DEFAULT_RATE;
  const state = useLoadable(goalPanelDocument, { scope, asOf, rate }, (data) => data);
  const goal = state.status === 'ready' ? state.data.coverage.goal : null;
  if (goal && goal.rate !== rate) return <GoalPanel scope={scope} asOf={asOf} goalRate={goal.rate} />;
  return (
    <Panel title={t.goal.title}>
      <LoadableContent state={state}>
        {({ coverage, pace, forecast }) => (
          <div className="goal">
            <p className="goal__headline">
              {coverage.goal
                ? t.goal.target(
                    formatPercent(coverage.goal.rate),
                    formatDate(coverage.goal.deadline),
                    coverage.goal.area.name,
                  )
                : t.goal.none(formatPercent(rate))}
            </p>
            <RateBar
              ratio={
                coverage.goal
                  ? Math.min(1, coverage.activationRate / coverage.goal.rate)
                  : coverage.activationRate
              }
            />
            <ul className="goal__facts">
              <li>{t.goal.current(formatPercent(coverage.activationRate))}</li>
              {coverage.goal &&
                (coverage.goal.met ? (
                  <li>{t.goal.met}</li>
                ) : (
                  <li>
                    {t.goal.needed(formatInteger(coverage.goal.activationsNeeded))}{' '}
                    {coverage.goal.daysLeft > 0 && coverage.goal.neededPerDay !== null
                      ? t.goal.perDay(
                          formatInteger(Math.ceil(coverage.goal.neededPerDay)),
                          formatInteger(coverage.goal.daysLeft),
                        )
                      : t.goal.overdue}
                  </li>
                ))}
              <li>
                {t.goal.pace(
                  formatInteger(Math.round(pace.perDayLast7)),
                  formatInteger(Math.round(pace.perDayLast28)),
                )}
              </li>
              <li>
                {forecast.date
                  ? t.goal.forecast(formatPercent(rate), formatDate(forecast.date))
                  : t.goal.never(formatPercent(rate))}
              </li>
            </ul>
          </div>
        )}
      </LoadableContent>
    </Panel>
  );
}
