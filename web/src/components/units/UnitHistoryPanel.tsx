import { Link } from 'react-router-dom';
import { type FragmentType, graphql, useFragment } from '../../gql';
import { t } from '../../i18n/index.ts';
import { useAsOf, withAsOf } from '../../lib/as-of.ts';
import { isLater } from '../../lib/days.ts';
import { formatDate } from '../../lib/format.ts';
import type { Loadable } from '../../lib/loadable.ts';
import { LoadableContent } from '../common/LoadableContent.tsx';
import { Panel } from '../common/Panel.tsx';
import { EmptyState } from '../common/StateMessages.tsx';

const unitHistoryFields = graphql(`
  fragment UnitHistoryFields on Unit {
    assignments {
      staff {
        id
        fullName
      }
      from
      until
    }
  }
`);

type UnitHistoryRef = FragmentType<typeof unitHistoryFields>;

/** Who has been in charge of the unit, from when until when, each a link to the officer's page. */
export function UnitHistoryPanel({
  state,
  day,
}: {
  state: Loadable<UnitHistoryRef | null>;
  day: string | undefined;
}) {
  return (
    <Panel title={t.unit.history}>
      <LoadableContent state={state}>{(unit) => <History unit={unit} day={day} />}</LoadableContent>
    </Panel>
  );
}

/** Each assignment, those that began after the page's day marked as later. */
function History(props: { unit: UnitHistoryRef; day: string | undefined }) {
  const { assignments } = useFragment(unitHistoryFields, props.unit);
  const { asOf } = useAsOf();
  if (assignments.length === 0) return <EmptyState />;
  return (
    <ol className="timeline">
      {assignments.map((a) => (
        <li
          key={`${a.staff.id}-${a.from}`}
          className={isLater(a.from, props.day) ? 'timeline__later' : undefined}
        >
          {isLater(a.from, props.day) && <span className="badge">{t.unit.later}</span>}{' '}
          <Link to={withAsOf(`/officers/${a.staff.id}`, asOf)}>
            <strong>{a.staff.fullName}</strong>
          </Link>{' '}
          ({a.staff.id}){' '}
          {a.until
            ? t.unit.between(formatDate(a.from), formatDate(a.until))
            : t.unit.since(formatDate(a.from))}
        </li>
      ))}
    </ol>
  );
}
