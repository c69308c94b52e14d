import { type FragmentType, graphql, useFragment } from '../../gql';
import { t } from '../../i18n/index.ts';
import { isLater } from '../../lib/days.ts';
import { formatDate } from '../../lib/format.ts';
import type { Loadable } from '../../lib/loadable.ts';
import { LoadableContent } from '../common/LoadableContent.tsx';
import { Panel } from '../common/Panel.tsx';
import { EmptyState } from '../common/StateMessages.tsx';

const unitTimelineFields = graphql(`
  fragment UnitTimelineFields on Unit {
    milestones {
      milestone
      date
      staff {
        fullName
      }
      note
    }
  }
`);

type UnitTimelineRef = FragmentType<typeof unitTimelineFields>;

/**
 * What was done at the unit and when: each milestone, by whom, with its note. Those after the page's
 * day are marked as later, so that a page of 15/07 does not read as if August's were done by then.
 */
export function UnitTimelinePanel({
  state,
  day,
}: {
  state: Loadable<UnitTimelineRef | null>;
  day: string | undefined;
}) {
  return (
    <Panel title={t.unit.timeline}>
      <LoadableContent state={state}>{(unit) => <Timeline unit={unit} day={day} />}</LoadableContent>
    </Panel>
  );
}

function Timeline(props: { unit: UnitTimelineRef; day: string | undefined }) {
  const { milestones } = useFragment(unitTimelineFields, props.unit);
  if (milestones.length === 0) return <EmptyState />;
  return (
    <ol className="timeline">
      {milestones.map((m) => (
        <li
          key={`${m.milestone}-${m.date}`}
          className={isLater(m.date, props.day) ? 'timeline__later' : undefined}
        >
          <time dateTime={m.date}>{formatDate(m.date)}</time>{' '}
          {isLater(m.date, props.day) && <span className="badge">{t.unit.later}</span>}{' '}
          <strong>{t.unit.milestones[m.milestone]}</strong>
          {m.staff && ` – ${m.staff.fullName}`}
          {m.note && <span className="subline">{m.note}</span>}
        </li>
      ))}
    </ol>
  );
}
