import { Link } from 'react-router-dom';
import { graphql, useFragment } from '../../gql';
import type { AreaViewFieldsFragment } from '../../gql/graphql.ts';
import { t } from '../../i18n/index.ts';
import { formatDate } from '../../lib/format.ts';
import { areaPath, usePageGeography } from '../../lib/geography.ts';
import { mapLoadable } from '../../lib/loadable.ts';
import type { LoadableQuery } from '../../lib/useLoadable.ts';
import { BlockersPanel } from '../blockers/BlockersPanel.tsx';
import { AsOfPicker } from '../layout/AsOfPicker.tsx';
import { Breadcrumbs, type Crumb } from '../layout/Breadcrumbs.tsx';
import { GeographyPicker } from '../layout/GeographyPicker.tsx';
import { PageHeading } from '../layout/PageHeading.tsx';
import { AreaMapPanel, hasMap } from '../maps/AreaMapPanel.tsx';
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
    geography {
      id
    }
    children {
      id
      level
    }
    formedFrom {
      id
      name
      level
      geography {
        id
      }
    }
    became {
      id
      name
      level
      geography {
        id
      }
    }
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
    ...AreaMapFields
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
  mapFixed = false,
}: {
  state: LoadableQuery<AreaOverview | null>;
  asOf: string | null;
  /** The area is the account's own, in the map it was named in: no choice of map is offered. */
  mapFixed?: boolean;
}) {
  const overview = state.status === 'ready' ? state.data : null;
  const area = useFragment(areaViewFields, overview?.area);
  const today = overview?.today;
  // Each panel shows its own loading or error state, and reads its own fragment of the area.
  const panels = mapLoadable(state, () => area ?? null);
  // What the area is divided into, as its map has it: 2025's province holds communes directly.
  const parts: PartLevel =
    area?.children[0]?.level === 'DISTRICT'
      ? 'DISTRICT'
      : area?.level === 'PROVINCE'
        ? 'COMMUNE_TWO_TIERS'
        : 'COMMUNE';
  const day = asOf ?? today;
  const geography = area?.geography.id;
  const scope = area && geography ? { areaId: area.id, geography } : null;
  return (
    <>
      {area && geography && <Breadcrumbs trail={trailOf(area)} current={area.name} geography={geography} />}
      <PageHeading title={t.overview.title} subtitle={day ? t.overview.asOf(formatDate(day)) : undefined} />
      <div className="page-controls">
        <AsOfPicker today={today} scope={scope} />
        {!mapFixed && <GeographyPicker asOf={asOf} />}
      </div>
      {area && <AreaLineage area={area} asOf={asOf} />}
      <ProvinceTilesPanel state={panels} />
      {scope && <GoalPanel scope={scope} asOf={asOf} />}
      {scope && <TrendPanel scope={scope} asOf={asOf} />}
      {area?.level !== 'COMMUNE' && (
        <>
          {hasMap(parts) && <AreaMapPanel state={panels} parts={parts} asOf={asOf} />}
          <DistrictChartPanel state={panels} parts={parts} />
          <DistrictTablePanel state={panels} parts={parts} />
        </>
      )}
      {scope && area?.level !== 'PROVINCE' && <OfficersPanel scope={scope} asOf={asOf} />}
      {scope && <BlockersPanel scope={scope} asOf={asOf} />}
      {scope &&
        (area?.level === 'PROVINCE' ? (
          <LaggingUnitsPanel scope={scope} asOf={asOf} />
        ) : (
          <UnitsTablePanel scope={scope} asOf={asOf} />
        ))}
    </>
  );
}

/**
 * Where the area comes from and what it became, each a link into its own map: "formed from" the
 * communes a merger took into it, "became" the commune(s) it went into.
 */
function AreaLineage({ area, asOf }: { area: AreaViewFieldsFragment; asOf: string | null }) {
  const { ofDay } = usePageGeography(asOf);
  // A commune lists the communes it was formed from; an old district, which every unit recorded only by
  // district also maps, is not one of them.
  const from = area.formedFrom.filter((a) => a.level === area.level || area.level === 'PROVINCE');
  const links = (list: AreaViewFieldsFragment['became']) =>
    list.map((a, i) => (
      <span key={`${a.geography.id}:${a.id}`}>
        {i > 0 && ', '}
        <Link to={areaPath(a.id, a.geography.id, asOf, ofDay)}>{a.name}</Link>
      </span>
    ));
  if (from.length === 0 && area.became.length === 0) return null;
  return (
    <div className="lineage">
      {from.length > 0 && area.level !== 'PROVINCE' && (
        <p>
          {t.geography.formedFrom} {links(from)}
        </p>
      )}
      {area.became.length > 0 && area.level !== 'PROVINCE' && (
        <p>
          {t.geography.became} {links(area.became)}
        </p>
      )}
    </div>
  );
}
