import { useSearchParams } from 'react-router-dom';
import { todayInVietnam } from './days.ts';

/**
 * The reports page on the day being viewed (today when none is picked) and, on an area's page, that
 * area in the map the page shows it in: `/reports?asOf=2021-09-30&area=568&geography=KH-2021`.
 */
export function reportsPath(asOf: string | null, area: string | null, geography?: string | null): string {
  const query = new URLSearchParams({ asOf: asOf ?? todayInVietnam() });
  if (area) query.set('area', area);
  if (area && geography) query.set('geography', geography);
  return `/reports?${query}`;
}

/** The page's `?geo=`, which names the map an area's code is read in when it is not the day's. */
export function usePageGeo(): string | null {
  const [params] = useSearchParams();
  return params.get('geo');
}
