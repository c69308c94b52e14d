import { t } from '../../i18n/index.ts';
import { formatInteger, formatPercent } from '../../lib/format.ts';
import { type Classification, goalClass, type MapView } from './classes.ts';

/** A class's bounds as the page writes figures: "62,4 % – 70,1 %", "1.024 – 5.082". */
export function classRange(min: number, max: number, view: MapView): string {
  const text = (v: number) => (view === 'rate' ? formatPercent(v) : formatInteger(v));
  return t.map.range(text(min), text(max));
}

/**
 * The classes, darkest (furthest along, or most work left) first, each with its bounds and how many
 * areas it holds; the fill of areas with nobody to count; the goal's class; how the classes are made.
 */
export function MapLegend({
  view,
  classification,
  goalRate,
  hatch,
  reached,
}: {
  view: MapView;
  classification: Classification;
  goalRate: number | null;
  /** The id of the hatch pattern of the map beside it. */
  hatch: string;
  /** How many areas have reached the goal. */
  reached: number;
}) {
  const { classes, empty } = classification;
  const goal = view === 'rate' && goalRate !== null ? goalClass(classes, goalRate) : null;
  const goalText = goalRate === null ? '' : formatPercent(goalRate, 0);
  return (
    <div className="map__legend">
      <p className="map__legend-title">{view === 'rate' ? t.map.legendRate : t.map.legendRemaining}</p>
      <ul>
        {classes
          .map((c, k) => ({ c, k }))
          .reverse()
          .map(({ c, k }) => (
            <li key={k} className={goal === k ? 'map__legend-goal' : undefined}>
              <svg className="map__swatch" viewBox="0 0 24 16" aria-hidden="true">
                <rect width="24" height="16" fill={c.colour} />
              </svg>
              <span>
                {classRange(c.min, c.max, view)}
                <span className="map__legend-count"> · {t.map.areasInClass(formatInteger(c.count))}</span>
                {goal === k && <span className="map__legend-mark">◆ {t.map.goalInClass(goalText)}</span>}
              </span>
            </li>
          ))}
        {empty > 0 && (
          <li>
            <svg className="map__swatch" viewBox="0 0 24 16" aria-hidden="true">
              <rect width="24" height="16" fill={`url(#${hatch})`} />
            </svg>
            <span>
              {t.map.noPersons}
              <span className="map__legend-count"> · {t.map.areasInClass(formatInteger(empty))}</span>
            </span>
          </li>
        )}
      </ul>
      {goal !== null && goal === classes.length && (
        <p className="map__legend-mark">◆ {t.map.goalAbove(goalText)}</p>
      )}
      {goal !== null && goal < classes.length && (
        <p className="map__legend-note">{t.map.reached(formatInteger(reached), goalText)}</p>
      )}
      <p className="map__legend-note">{t.map.legendMethod}</p>
    </div>
  );
}
