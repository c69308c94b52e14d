import { useCallback } from 'react';
import { useQuery } from 'urql';
import { graphql } from '../../gql';
import type { AreaOverviewQuery } from '../../gql/graphql.ts';
import { fromQuery, type Loadable } from '../../lib/loadable.ts';

// One request for the whole page: no asOf, so the server counts up to its today (Asia/Ho_Chi_Minh),
// which it also returns so the heading shows the day the figures are for. The parts' coverage is
// batched by the server into one statement. A district head asks for the districts and gets theirs.
const areaOverviewDocument = graphql(`
  query AreaOverview($level: AreaLevel!) {
    today
    areas(level: $level) {
      id
      name
      level
      coverage {
        target
        registered
        approved
        activated
        formSigned
        verified
        activationRate
        units
        unitsContacted
      }
      children {
        id
        code
        name
        coverage {
          target
          registered
          activated
          activationRate
          units
          unitsContacted
        }
      }
    }
  }
`);

export type ProvinceCoverage = AreaOverviewQuery['areas'][number];
export type DistrictCoverage = ProvinceCoverage['children'][number];

/** The level an area is divided into, for the words of the titles. */
export type PartLevel = 'DISTRICT' | 'COMMUNE';

/** An area's figures together with those of its parts (districts or communes), on the server's today. */
export interface DistrictOverview {
  today: string;
  province: ProvinceCoverage;
  districts: DistrictCoverage[];
}

/** The first area of the level (the province, or a district head's own district) and its parts. */
export function useAreaOverview(
  level: 'PROVINCE' | 'DISTRICT' | 'COMMUNE',
): Loadable<DistrictOverview | null> {
  const [result, reexecute] = useQuery({ query: areaOverviewDocument, variables: { level } });
  const retry = useCallback(() => reexecute({ requestPolicy: 'network-only' }), [reexecute]);
  return fromQuery(result, retry, (data) => {
    const area = data.areas[0];
    return area ? { today: data.today, province: area, districts: area.children } : null;
  });
}

/** The same state narrowed to the area itself, for the panels that show only its figures. */
export function provinceOnly(state: Loadable<DistrictOverview | null>): Loadable<ProvinceCoverage | null> {
  return state.status === 'ready' ? { status: 'ready', data: state.data?.province ?? null } : state;
}
