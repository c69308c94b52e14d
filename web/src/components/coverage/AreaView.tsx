import { graphql, useFragment } from '../../gql';
import type { AreaViewFieldsFragment } from '../../gql/graphql.ts';
import { t } from '../../i18n/index.ts';
import { formatDate } from '../../lib/format.ts';
import { mapLoadable } from '../../lib/loadable.ts';
import type { LoadableQuery } from '../../lib/useLoadable.ts';
import { BlockersPanel } from '../blockers/BlockersPanel.tsx';
import { AsOfPicker } from '../layout/AsOfPicker.tsx';
import { Breadcrumbs, type Crumb } from '../layout/Breadcrumbs.tsx';
import { PageHeading } from '../layout/PageHeading.tsx';
import { OfficersPanel } from '../officers/OfficersPanel.tsx';
import { GoalPanel } from '../progress/GoalPanel.tsx';
import { TrendPanel } from '../progress/TrendPanel.tsx';
import { LaggingUnitsPanel } from '../units/LaggingUnitsPanel.tsx';
import { UnitsTablePanel } from '../units/UnitsTablePanel.tsx';
import { DistrictChartPanel } from './DistrictChartPanel.tsx';
import { DistrictTablePanel } from './DistrictTablePanel.tsx';
import { ProvinceTilesPanel } from './ProvinceTilesPanel.tsx';
import type { AreaOverview, PartLevel } from './queries.ts';

// What the page needs of the area (which it is, the way up for the breadcrumbs) and what its panels do.
const areaViewFields = graphql(`
  fragment AreaViewFields on Area {
    id
    name
    level
    parent {
      id
      name
      parent {
        id
        name
      }
    }
    ...ProvinceTilesFields
    ...DistrictChartFields
    ...DistrictTableFields
  }
`);

/** The path from the top down to the area's parent, for the breadcrumbs. */
function trailOf(area: AreaViewFieldsFragment): Crumb[] {
  const trail: Crumb[] = [];
  if (area.parent?.parent) trail.push(area.parent.parent);
  if (area.parent) trail.push(area.parent);
  return trail;
}

/**
 * An area on a day: breadcrumbs, the day picker, headline tiles, the goal and the trend, its parts
 * compared in a chart and a table (each part a link one level down), its officers, why persons are
 * stuck, and its units (the province shows those that lag most).
 */
export function AreaView({
  state,
  asOf,
}: {
  state: LoadableQuery<AreaOverview | null>;
  asOf: string | null;
}) {
  const overview = state.status === 'ready' ? state.data : null;
  const area = useFragment(areaViewFields, overview?.area);
  const today = overview?.today;
  // Each panel shows its own loading or error state, and reads its own fragment of the area.
  const panels = mapLoadable(state, () => area ?? null);
  const parts: PartLevel = area?.level === 'PROVINCE' ? 'DISTRICT' : 'COMMUNE';
  const day = asOf ?? today;
  return (
    <>
      {area && <Breadcrumbs trail={trailOf(area)} current={area.name} />}
      <PageHeading title={t.overview.title} subtitle={day ? t.overview.asOf(formatDate(day)) : undefined} />
      <AsOfPicker today={today} />
      <ProvinceTilesPanel state={panels} />
      {area && <GoalPanel areaId={area.id} asOf={asOf} />}
      {area && <TrendPanel scope={{ areaId: area.id }} asOf={asOf} />}
      {area?.level !== 'COMMUNE' && (
        <>
          <DistrictChartPanel state={panels} parts={parts} />
          <DistrictTablePanel state={panels} parts={parts} />
        </>
      )}
      {area && area.level !== 'PROVINCE' && <OfficersPanel scope={{ areaId: area.id }} asOf={asOf} />}
      {area && <BlockersPanel scope={{ areaId: area.id }} asOf={asOf} />}
      {area &&
        (area.level === 'PROVINCE' ? (
          <LaggingUnitsPanel areaId={area.id} asOf={asOf} />
        ) : (
          <UnitsTablePanel areaId={area.id} asOf={asOf} />
        ))}
    </>
  );
}
