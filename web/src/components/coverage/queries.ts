import { graphql } from '../../gql';
import type { AreaPageQuery } from '../../gql/graphql.ts';
import { addDays, todayInVietnam } from '../../lib/days.ts';
import { type LoadableQuery, useLoadable } from '../../lib/useLoadable.ts';

// One request for the whole page: the area view's fragment, which gathers its panels'. Without asOf
// the server counts up to its today (Asia/Ho_Chi_Minh), which it also returns so the heading shows the
// day the figures are for. The parts' coverage is batched by the server into one statement.

// The landing page: the first area of a level (the province, or a district head's own district).
const rootOverviewDocument = graphql(`
  query RootOverview($level: AreaLevel!, $asOf: Date, $weekAgo: Date!) {
    today
    areas(level: $level) {
      ...AreaViewFields
    }
  }
`);

// Any area, by its code: the drill-down from the province to a district and a commune.
const areaPageDocument = graphql(`
  query AreaPage($id: ID!, $asOf: Date, $weekAgo: Date!) {
    today
    area(id: $id) {
      ...AreaViewFields
    }
  }
`);

/** An area as the page's query gives it: the area view unmasks its fragment of it. */
export type AreaRef = NonNullable<AreaPageQuery['area']>;

/** The level an area is divided into, for the words of the titles. */
export type PartLevel = 'DISTRICT' | 'COMMUNE';

/** An area on a day, and the day the server counted up to. */
export interface AreaOverview {
  today: string;
  area: AreaRef;
}

/** Seven days before the page's day (today in Vietnam when none is set): what "the last 7 days" compare with. */
function weekBefore(asOf: string | null): string {
  return addDays(asOf ?? todayInVietnam(), -7);
}

/** The first area of the level (the province, or a district head's own district) and its parts. */
export function useRootOverview(
  level: 'PROVINCE' | 'DISTRICT' | 'COMMUNE',
  asOf: string | null,
): LoadableQuery<AreaOverview | null> {
  return useLoadable(rootOverviewDocument, { level, asOf, weekAgo: weekBefore(asOf) }, (data) =>
    data.areas[0] ? { today: data.today, area: data.areas[0] } : null,
  );
}

/** One area by its code, and its parts. */
export function useAreaPage(id: string, asOf: string | null): LoadableQuery<AreaOverview | null> {
  return useLoadable(areaPageDocument, { id, asOf, weekAgo: weekBefore(asOf) }, (data) =>
    data.area ? { today: data.today, area: data.area } : null,
  );
}
