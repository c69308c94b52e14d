import { useCallback } from 'react';
import { useSearchParams } from 'react-router-dom';
import { useQuery } from 'urql';
import { graphql } from '../gql';
import type { GeographiesQuery } from '../gql/graphql.ts';
import { todayInVietnam } from './days.ts';

/*
 * Which administrative map (geography) the page reads its areas in. By default the map in force on the
 * page's day, so that a day in 2021 shows 2021's districts and a day in 2026 the province's communes;
 * `?geo=` in the URL shows any day in any map (a 2021 report's districts as of today, say).
 */

const geographiesDocument = graphql(`
  query Geographies {
    geographies {
      id
      name
      validFrom
      validUntil
      levels
    }
  }
`);

export type Geography = GeographiesQuery['geographies'][number];

/** The geographies, oldest first, once per page load (they change only when an operator adds one). */
export function useGeographies(): Geography[] | null {
  const [{ data }] = useQuery({ query: geographiesDocument, requestPolicy: 'cache-first' });
  return data?.geographies ?? null;
}

/** The geography in force on a day: the latest that took effect on or before it (the first before them all). */
export function geographyOn(list: readonly Geography[], day: string): Geography | undefined {
  let found = list[0];
  for (const g of list) if (g.validFrom <= day) found = g;
  return found;
}

/** The `?geo=` of the URL (null: the map of the page's day) and a setter that keeps the rest of the URL. */
export function useGeographyParam(): { geo: string | null; setGeo: (code: string | null) => void } {
  const [params, setParams] = useSearchParams();
  const geo = params.get('geo') || null;
  const setGeo = useCallback(
    (code: string | null) =>
      setParams((current) => {
        const next = new URLSearchParams(current);
        if (code) next.set('geo', code);
        else next.delete('geo');
        return next;
      }),
    [setParams],
  );
  return { geo, setGeo };
}

/**
 * The page's geography: the one the URL names, else the one in force on the day; undefined until the
 * list has loaded (the page's area query waits for it).
 */
export function usePageGeography(asOf: string | null): {
  geography: string | undefined;
  /** The geography in force on the page's day. */
  ofDay: string | undefined;
  list: Geography[] | null;
} {
  const list = useGeographies();
  const { geo } = useGeographyParam();
  const ofDay = list ? geographyOn(list, asOf ?? todayInVietnam())?.id : undefined;
  return { geography: geo ?? ofDay, ofDay, list };
}

/**
 * The path of an area's page that keeps the day, and names its geography only when it is not the one
 * of the day (so a plain link stays plain).
 */
export function areaPath(
  code: string,
  geography: string,
  asOf: string | null,
  ofDay: string | undefined,
): string {
  const params = new URLSearchParams();
  if (asOf) params.set('asOf', asOf);
  if (geography !== ofDay) params.set('geo', geography);
  const query = params.toString();
  return query ? `/areas/${code}?${query}` : `/areas/${code}`;
}

/** The latest geography that has districts: the map a district head's account is named in. */
export function latestWithDistricts(list: readonly Geography[]): Geography | undefined {
  return [...list].reverse().find((g) => g.levels.includes('DISTRICT'));
}
