import { useId } from 'react';
import { t } from '../../i18n/index.ts';
import { addDays } from '../../lib/days.ts';
import { formatDate } from '../../lib/format.ts';
import { type Geography, useGeographyParam, usePageGeography } from '../../lib/geography.ts';

/** A geography as its period reads: "trước 01/11/2024", "01/11/2024 – 30/06/2025", "từ 01/07/2025". */
export function periodOf(list: readonly Geography[], g: Geography): string {
  if (g === list[0] && g.validUntil) return t.geography.before(formatDate(addDays(g.validUntil, 1)));
  if (!g.validUntil) return t.geography.from(formatDate(g.validFrom));
  return t.geography.between(formatDate(g.validFrom), formatDate(g.validUntil));
}

/**
 * The choices of a map: first "the map of the day" (value ""), worded by `dayLabel` with the period
 * of `dayMap`, then every geography by its period.
 */
export function GeographyOptions({
  list,
  dayMap,
  dayLabel,
}: {
  list: readonly Geography[];
  dayMap: Geography | undefined;
  dayLabel: (period: string) => string;
}) {
  return (
    <>
      <option value="">{dayLabel(dayMap ? periodOf(list, dayMap) : '')}</option>
      {list.map((g) => (
        <option key={g.id} value={g.id}>
          {periodOf(list, g)}
        </option>
      ))}
    </>
  );
}

/**
 * Which administrative map the areas are shown in: by default the one in force on the page's day;
 * any other keeps the day's figures and shows them by that map's areas. It lives in the URL (`?geo=`).
 * Shown only where there is more than one map.
 */
export function GeographyPicker({ asOf }: { asOf: string | null }) {
  const { geo, setGeo } = useGeographyParam();
  const { list, ofDay } = usePageGeography(asOf);
  const id = useId();
  if (!list || list.length < 2) return null;
  return (
    <div className="geography-picker">
      <label htmlFor={id}>{t.geography.label}</label>
      <select id={id} value={geo ?? ''} onChange={(event) => setGeo(event.target.value || null)}>
        <GeographyOptions
          list={list}
          dayMap={list.find((g) => g.id === ofDay)}
          dayLabel={t.geography.ofDay}
        />
      </select>
    </div>
  );
}
