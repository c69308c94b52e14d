/*
 * How a map's areas are put into colour classes. Quantiles, not equal intervals: on most days the
 * areas' rates bunch together (in 2026 most communes are between 60 and 80 %, in mid-2021 most
 * districts under 40 %), so equal steps of the whole 0–100 % range would paint nearly every area the
 * same and hide the one question a map answers, which areas lag the others. Each class holds about
 * as many areas as the next; the legend says so and gives each class's bounds.
 */

/** One area of the map, with its figures on the page's day. */
export interface MapArea {
  id: string;
  name: string;
  target: number;
  activated: number;
  /** Activated / target, between 0 and 1; 0 when there is nobody (see `target`). */
  rate: number;
}

/** What the map colours by. */
export type MapView = 'rate' | 'remaining';

/** One class: the values from `min` up to `max` (both included, as the legend writes them). */
export interface MapClass {
  min: number;
  max: number;
  colour: string;
  /** How many areas are in it. */
  count: number;
}

export interface Classification {
  classes: MapClass[];
  /** The class of each area by id; absent for an area with no insured persons. */
  classOf: Map<string, number>;
  /** The areas that have nobody to count: drawn with their own fill, never the colour of 0 %. */
  empty: number;
}

/*
 * ColorBrewer's sequential schemes (Cynthia Brewer, Penn State; Apache-2.0), marked there as safe for
 * colour-blind readers and for photocopies: lightness rises steadily from class to class, so grey-scale
 * keeps the order. Yellow-green-blue for the rate (dark: far along), orange-red for the persons still
 * to activate (dark: most work left), so the two views are not mistaken for each other.
 */
const PALETTES: Record<MapView, Record<number, readonly string[]>> = {
  rate: {
    1: ['#2c7fb8'],
    2: ['#7fcdbb', '#2c7fb8'],
    3: ['#edf8b1', '#7fcdbb', '#2c7fb8'],
    4: ['#ffffcc', '#a1dab4', '#41b6c4', '#225ea8'],
    5: ['#ffffcc', '#a1dab4', '#41b6c4', '#2c7fb8', '#253494'],
  },
  remaining: {
    1: ['#e34a33'],
    2: ['#fdbb84', '#e34a33'],
    3: ['#fee8c8', '#fdbb84', '#e34a33'],
    4: ['#fef0d9', '#fdcc8a', '#fc8d59', '#d7301f'],
    5: ['#fef0d9', '#fdcc8a', '#fc8d59', '#e34a33', '#b30000'],
  },
};

export const MAX_CLASSES = 5;

/** The value an area is coloured by in a view. */
export function mapValue(area: MapArea, view: MapView): number {
  return view === 'rate' ? area.rate : area.target - area.activated;
}

/**
 * Rates are classed as the page writes them (one decimal of a percent), counts as whole numbers, so
 * that an area shown as "70,1 %" is never in a class whose legend ends at "70,1 %" below it.
 */
function rounded(value: number, view: MapView): number {
  return view === 'rate' ? Math.round(value * 1000) / 1000 : Math.round(value);
}

/**
 * Up to five quantile classes of the areas that have insured persons. Class k holds the values from
 * the k-th fifth of the sorted list; equal values never straddle two classes, so ties can leave fewer.
 */
export function classify(areas: readonly MapArea[], view: MapView): Classification {
  const counted = areas.filter((a) => a.target > 0);
  const values = counted.map((a) => rounded(mapValue(a, view), view)).sort((a, b) => a - b);
  const wanted = Math.min(MAX_CLASSES, new Set(values).size);
  // Each class's upper bound: the largest value of its share of the sorted list.
  const maxima: number[] = [];
  for (let k = 1; k <= wanted; k++) {
    const value = values[Math.ceil((k * values.length) / wanted) - 1] as number;
    if (maxima.at(-1) !== value) maxima.push(value);
  }
  const palette = PALETTES[view][maxima.length] ?? [];
  const classes: MapClass[] = maxima.map((max, k) => ({
    min: k === 0 ? (values[0] as number) : (values.find((v) => v > (maxima[k - 1] as number)) as number),
    max,
    colour: palette[k] as string,
    count: 0,
  }));
  const classOf = new Map<string, number>();
  for (const area of counted) {
    const value = rounded(mapValue(area, view), view);
    const k = classes.findIndex((c) => value <= c.max);
    classOf.set(area.id, k);
    (classes[k] as MapClass).count++;
  }
  return { classes, classOf, empty: areas.length - counted.length };
}

/**
 * The class the goal's rate falls in (rate view only); a goal between two classes belongs to the
 * higher one, the first whose areas may have reached it. `classes.length` when the goal is above every
 * class: no area has reached it yet.
 */
export function goalClass(classes: readonly MapClass[], goalRate: number): number {
  const goal = Math.round(goalRate * 1000) / 1000;
  const k = classes.findIndex((c) => goal <= c.max);
  return k === -1 ? classes.length : k;
}
