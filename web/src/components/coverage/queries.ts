import { useCallback } from 'react';
import { useQuery } from 'urql';
import { graphql } from '../../gql';
import type { AreaOverviewFieldsFragment } from '../../gql/graphql.ts';
import { addDays, todayInVietnam } from '../../lib/days.ts';
import { fromQuery, type Loadable } from '../../lib/loadable.ts';

// One request for the whole page. Without asOf the server counts up to its today (Asia/Ho_Chi_Minh),
// which it also returns so the heading shows the day the figures are for. The parts' coverage is
// batched by the server into one statement.
graphql(`
  fragment AreaOverviewFields on Area {
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
    coverage(asOf: $asOf) {
      target
      registered
      approved
      activated
      formSigned
      verified
      activationRate
      units
      unitsContacted
      goal {
        rate
      }
    }
    weekAgo: coverage(asOf: $weekAgo) {
      registered
      approved
      activated
      formSigned
      verified
      unitsContacted
    }
    children {
      id
      code
      name
      level
      coverage(asOf: $asOf) {
        target
        registered
        activated
        activationRate
        units
        unitsContacted
      }
      weekAgo: coverage(asOf: $weekAgo) {
        activated
      }
    }
  }
`);

// The landing page: the first area of a level (the province, or a district head's own district).
const rootOverviewDocument = graphql(`
  query RootOverview($level: AreaLevel!, $asOf: Date, $weekAgo: Date!) {
    today
    areas(level: $level) {
      ...AreaOverviewFields
    }
  }
`);

// Any area, by its code: the drill-down from the province to a district and a commune.
const areaPageDocument = graphql(`
  query AreaPage($id: ID!, $asOf: Date, $weekAgo: Date!) {
    today
    area(id: $id) {
      ...AreaOverviewFields
    }
  }
`);

export type ProvinceCoverage = AreaOverviewFieldsFragment;
export type DistrictCoverage = ProvinceCoverage['children'][number];

/** The level an area is divided into, for the words of the titles. */
export type PartLevel = 'DISTRICT' | 'COMMUNE';

/** An area's figures together with those of its parts (districts or communes), on a day. */
export interface DistrictOverview {
  today: string;
  province: ProvinceCoverage;
  districts: DistrictCoverage[];
}

/** Seven days before the page's day (today in Vietnam when none is set): what "the last 7 days" compare with. */
function weekBefore(asOf: string | null): string {
  return addDays(asOf ?? todayInVietnam(), -7);
}

function overviewOf(today: string, area: ProvinceCoverage | null | undefined): DistrictOverview | null {
  return area ? { today, province: area, districts: area.children } : null;
}

/** The first area of the level (the province, or a district head's own district) and its parts. */
export function useRootOverview(
  level: 'PROVINCE' | 'DISTRICT' | 'COMMUNE',
  asOf: string | null,
): Loadable<DistrictOverview | null> {
  const [result, reexecute] = useQuery({
    query: rootOverviewDocument,
    variables: { level, asOf, weekAgo: weekBefore(asOf) },
  });
  const retry = useCallback(() => reexecute({ requestPolicy: 'network-only' }), [reexecute]);
  return fromQuery(result, retry, (data) => overviewOf(data.today, data.areas[0]));
}

/** One area by its code, and its parts. */
export function useAreaPage(id: string, asOf: string | null): Loadable<DistrictOverview | null> {
  const [result, reexecute] = useQuery({
    query: areaPageDocument,
    variables: { id, asOf, weekAgo: weekBefore(asOf) },
  });
  const retry = useCallback(() => reexecute({ requestPolicy: 'network-only' }), [reexecute]);
  return fromQuery(result, retry, (data) => overviewOf(data.today, data.area));
}

/** The same state narrowed to the area itself, for the panels that show only its figures. */
export function provinceOnly(state: Loadable<DistrictOverview | null>): Loadable<ProvinceCoverage | null> {
  return state.status === 'ready' ? { status: 'ready', data: state.data?.province ?? null } : state;
}
