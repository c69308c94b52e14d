import { useId } from 'react';
import { t } from '../../i18n/index.ts';
import { formatDate } from '../../lib/format.ts';
import { type Geography, useGeographyParam, usePageGeography } from '../../lib/geography.ts';

/** A geography as its period reads: "trước 01/11/2024", "01/11/2024 – 30/06/2025", "từ 01/07/2025". */
export function periodOf(g: Geography, first: boolean): string {
  if (first && g.validUntil) return t.geography.before(formatDate(addOneDay(g.validUntil)));
  if (!g.validUntil) return t.geography.from(formatDate(g.validFrom));
  return t.geography.between(formatDate(g.validFrom), formatDate(g.validUntil));
}

function addOneDay(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
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
  const dayMap = list.find((g) => g.id === ofDay);
  return (
    <div className="geography-picker">
      <label htmlFor={id}>{t.geography.label}</label>
      <select id={id} value={geo ?? ''} onChange={(event) => setGeo(event.target.value || null)}>
        <option value="">{t.geography.ofDay(dayMap ? periodOf(dayMap, dayMap === list[0]) : '')}</option>
        {list.map((g, i) => (
          <option key={g.id} value={g.id}>
            {periodOf(g, i === 0)}
          </option>
        ))}
      </select>
    </div>
  );
}
