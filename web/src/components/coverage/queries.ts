import { graphql } from '../../gql';
import type { AreaPageQuery } from '../../gql/graphql.ts';
import { addDays, todayInVietnam } from '../../lib/days.ts';
import { mapLoadable } from '../../lib/loadable.ts';
import { type LoadableQuery, useLoadable } from '../../lib/useLoadable.ts';

// One request for the whole page: the area view's fragment, which gathers its panels'. Without asOf
// the server counts up to its today (Asia/Ho_Chi_Minh), which it also returns so the heading shows the
// day the figures are for. The parts' coverage is batched by the server into one statement.

// The landing page: the province, in the page's geography.
const rootOverviewDocument = graphql(`
  query RootOverview($geography: ID!, $asOf: Date, $weekAgo: Date!) {
    today
    areas(level: PROVINCE, geography: $geography) {
      ...AreaViewFields
    }
  }
`);

// Any area, by its code in a geography: the drill-down from the province to a district and a
// commune. Where the geography has no such code (an old link), the geographies that have it.
const areaPageDocument = graphql(`
  query AreaPage($id: ID!, $geography: ID!, $asOf: Date, $weekAgo: Date!) {
    today
    area(id: $id, geography: $geography) {
      ...AreaViewFields
    }
    areaVersions(id: $id) {
      id
      name
      geography {
        id
        name
      }
    }
  }
`);

/** An area as the page's query gives it: the area view unmasks its fragment of it. */
export type AreaRef = NonNullable<AreaPageQuery['area']>;

/**
 * The level an area is divided into, for the words of the titles: a province's communes directly
 * (from 1/7/2025, two tiers of local government) are "xã, phường, đặc khu", a district's "xã,
 * phường, thị trấn".
 */
export type PartLevel = 'DISTRICT' | 'COMMUNE' | 'COMMUNE_TWO_TIERS';

/** An area on a day, and the day the server counted up to. */
export interface AreaOverview {
  today: string;
  area: AreaRef;
}

/** An area's page: the area, or, where the geography has no such code, the geographies that have it. */
export interface AreaPageData {
  today: string;
  area: AreaRef | null;
  versions: AreaPageQuery['areaVersions'];
}

/** Seven days before the page's day (today in Vietnam when none is set): what "the last 7 days" compare with. */
function weekBefore(asOf: string | null): string {
  return addDays(asOf ?? todayInVietnam(), -7);
}

/** An area page's query as the area view takes it: the area and the day counted to, or nothing. */
export function overviewOf(state: LoadableQuery<AreaPageData>): LoadableQuery<AreaOverview | null> {
  return {
    ...mapLoadable(state, (data) => (data.area ? { today: data.today, area: data.area } : null)),
    refresh: state.refresh,
  };
}

/** The province in a geography, and its parts; waits while the geography is not known yet. */
export function useRootOverview(
  geography: string | undefined,
  asOf: string | null,
): LoadableQuery<AreaOverview | null> {
  return useLoadable(
    rootOverviewDocument,
    { geography: geography ?? '', asOf, weekAgo: weekBefore(asOf) },
    (data) => (data.areas[0] ? { today: data.today, area: data.areas[0] } : null),
    { pause: geography === undefined },
  );
}

/** One area by its code in a geography, and its parts; waits while the geography is not known yet. */
export function useAreaPage(
  id: string,
  geography: string | undefined,
  asOf: string | null,
): LoadableQuery<AreaPageData> {
  return useLoadable(
    areaPageDocument,
    { id, geography: geography ?? '', asOf, weekAgo: weekBefore(asOf) },
    (data) => ({ today: data.today, area: data.area ?? null, versions: data.areaVersions }),
    { pause: geography === undefined },
  );
}
