import { useCallback } from 'react';
import { useQuery } from 'urql';
import { graphql } from '../../gql';
import type { ProvinceOverviewQuery } from '../../gql/graphql.ts';
import { fromQuery, type Loadable } from '../../lib/loadable.ts';

// One request for the whole page: no asOf, so the server counts up to its today (Asia/Ho_Chi_Minh),
// which it also returns so the heading shows the day the figures are for. The districts' coverage
// is batched by the server into one statement.
const provinceOverviewDocument = graphql(`
  query ProvinceOverview {
    today
    areas(level: PROVINCE) {
      id
      name
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

export type ProvinceCoverage = ProvinceOverviewQuery['areas'][number];
export type DistrictCoverage = ProvinceCoverage['children'][number];

/** The province's figures together with those of its districts, on the server's today. */
export interface DistrictOverview {
  today: string;
  province: ProvinceCoverage;
  districts: DistrictCoverage[];
}

/** The first (in this deployment, the only) province and its districts; null when there is none. */
export function useProvinceOverview(): Loadable<DistrictOverview | null> {
  const [result, reexecute] = useQuery({ query: provinceOverviewDocument });
  const retry = useCallback(() => reexecute({ requestPolicy: 'network-only' }), [reexecute]);
  return fromQuery(result, retry, (data) => {
    const province = data.areas[0];
    return province ? { today: data.today, province, districts: province.children } : null;
  });
}

/** The same state narrowed to the province, for the panels that show only its figures. */
export function provinceOnly(state: Loadable<DistrictOverview | null>): Loadable<ProvinceCoverage | null> {
  return state.status === 'ready' ? { status: 'ready', data: state.data?.province ?? null } : state;
}
