import { useCallback } from 'react';
import { useQuery } from 'urql';
import { graphql } from '../../gql';
import type { DistrictCoverageQuery, ProvinceCoverageQuery } from '../../gql/graphql.ts';
import { fromQuery, type Loadable } from '../../lib/loadable.ts';

// No asOf: the server counts up to today (Asia/Ho_Chi_Minh).
const provinceCoverageDocument = graphql(`
  query ProvinceCoverage {
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
    }
  }
`);

// All districts with their coverage in one request; the server batches the coverage look-ups.
const districtCoverageDocument = graphql(`
  query DistrictCoverage($provinceId: ID!) {
    areas(level: DISTRICT, parentId: $provinceId) {
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
`);

export type ProvinceCoverage = ProvinceCoverageQuery['areas'][number];
export type DistrictCoverage = DistrictCoverageQuery['areas'][number];

/** The province's figures together with those of its districts. */
export interface DistrictOverview {
  province: ProvinceCoverage;
  districts: DistrictCoverage[];
}

/** The first (in this deployment, the only) province; null when the database has none. */
export function useProvinceCoverage(): Loadable<ProvinceCoverage | null> {
  const [result, reexecute] = useQuery({ query: provinceCoverageDocument });
  const retry = useCallback(() => reexecute({ requestPolicy: 'network-only' }), [reexecute]);
  return fromQuery(result, retry, (data) => data.areas[0] ?? null);
}

/**
 * The districts of the province once the province is known. Until then, and when the province
 * could not be loaded, this reports the province's own state (with its retry).
 */
export function useDistrictCoverage(
  province: Loadable<ProvinceCoverage | null>,
): Loadable<DistrictOverview | null> {
  const provinceData = province.status === 'ready' ? province.data : null;
  const [result, reexecute] = useQuery({
    query: districtCoverageDocument,
    variables: { provinceId: provinceData?.id ?? '' },
    pause: !provinceData,
  });
  const retry = useCallback(() => reexecute({ requestPolicy: 'network-only' }), [reexecute]);
  if (province.status !== 'ready') return province;
  if (!provinceData) return { status: 'ready', data: null };
  return fromQuery(result, retry, (data) => ({ province: provinceData, districts: data.areas }));
}
