/**
 * Builds the dashboard's boundary map, web/src/maps/khanh-hoa.topo.json: one TopoJSON with two
 * objects over the same arcs, so that a border shared by two areas is one line, drawn once:
 *
 * - `communes`: the 65 commune-level units of 1/7/2025 (id = our area code), simplified from the
 *   boundary files in ../shared/geo/khanh-hoa-2025/communes (thanglequoc/vietnamese-provinces-database,
 *   MIT; derived from the Vietnam Administrative Units Reference Map of the Vietnam Natural Resources,
 *   Environment and Cartography Publishing House);
 * - `districts`: the 9 districts of 2021 (568–576), each the union of the 2025 communes formed from its
 *   communes. Which district a 2025 commune came from is read from our own reference files, not guessed
 *   from shapes: khanh-hoa-2021.csv (commune → district) → khanh-hoa-2024-11-01.mapping.csv →
 *   khanh-hoa-2025-07-01.mapping.csv. No 2025 commune was formed across a 2021 district border; one
 *   that seems to be stops the build. The communes that were Ninh Thuận's belong to no 2021 district of
 *   Khánh Hòa and are in `communes` only.
 *
 * Geometries drawn in an inset (the đặc khu Trường Sa and the district it was, hundreds of kilometres
 * offshore) carry `properties.inset = true`. Rings are wound clockwise, as d3-geo wants them.
 *
 *   pnpm build-maps            writes the file and prints its size
 *   pnpm build-maps --check    writes nothing; fails when the committed file differs
 *   options: --geojson <dir>   the 2025 commune boundary files
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import { feature, mergeArcs, quantize } from 'topojson-client';
import { topology } from 'topojson-server';
import { filter, presimplify, simplify } from 'topojson-simplify';
import type { GeometryCollection, GeometryObject, Objects, Topology } from 'topojson-specification';
import { DEFAULT_GEOJSON_DIR, normaliseName, parseCsv, REFERENCE_DIR } from './build-geographies.ts';
import { runAsScript, writeGenerated } from './generated-files.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const MAP_FILE = path.join(ROOT, 'web/src/maps/khanh-hoa.topo.json');

/** The đặc khu Trường Sa: islands 300–600 km offshore, drawn in an inset of their own. */
const INSET_COMMUNES = new Set(['22736']);

/*
 * Simplification, in square degrees of the triangle a point makes with its neighbours (Visvalingam).
 * The mainland is drawn about 700 px tall for 2,6° of latitude, so a pixel is about 1,4e-5 square
 * degrees: points worth less than a tenth of one change nothing on the screen. Mainland islets smaller
 * than a few pixels are dropped; Trường Sa's are all far below a pixel in its inset, so each keeps a
 * triangle (drawn with a stroke, as a dot) rather than vanishing.
 */
const MIN_WEIGHT = 1.5e-6;
const MIN_RING_AREA = 2e-5;
/** Input snapped to about 1 m (over the province's 10° with Trường Sa) so near-equal vertices join. */
const BUILD_QUANTIZATION = 1e7;
/** Output grid: about 10 m, far finer than a pixel; small integers, delta-encoded, compress well. */
const OUTPUT_QUANTIZATION = 1e5;
export const MAX_GZIP_BYTES = 150_000;

type Shape = Polygon | MultiPolygon;

/** Twice the signed planar area of a ring in lon/lat: negative when clockwise. */
function signedArea(ring: Position[]): number {
  let sum = 0;
  for (let i = 0; i < ring.length - 1; i++) {
    const [x0, y0] = ring[i] as [number, number];
    const [x1, y1] = ring[i + 1] as [number, number];
    sum += x0 * y1 - x1 * y0;
  }
  return sum;
}

/**
 * d3-geo reads a ring's winding on the sphere: clockwise encloses the small side. A counter-clockwise
 * exterior would fill the whole globe but the commune, so exteriors are made clockwise and holes not.
 */
function windForD3(shape: Shape): Shape {
  const wind = (polygon: Position[][]) =>
    polygon.map((ring, i) => {
      const clockwise = signedArea(ring) < 0;
      return clockwise === (i === 0) ? ring : [...ring].reverse();
    });
  return shape.type === 'Polygon'
    ? { type: 'Polygon', coordinates: wind(shape.coordinates) }
    : { type: 'MultiPolygon', coordinates: shape.coordinates.map(wind) };
}

/** The area rows of one of our reference CSV files. */
function readReference(file: string): Record<string, string>[] {
  return parseCsv(fs.readFileSync(path.join(REFERENCE_DIR, file), 'utf8'));
}

/**
 * The 2021 district of every 2025 commune formed from 2021 communes of Khánh Hòa, through the two
 * mappings. A 2025 commune reached from communes of two districts is an error: the README of the
 * boundary files, and the resolutions, say none is.
 */
export function districtsOf2025Communes(): Map<string, string> {
  const districtOf2021 = new Map<string, string>();
  for (const row of readReference('khanh-hoa-2021.csv'))
    if (row.level === 'COMMUNE') districtOf2021.set(row.area_code as string, row.parent_code as string);
  const follow = (file: string) => {
    const next = new Map<string, string[]>();
    for (const row of readReference(file)) {
      const list = next.get(row.old_area_code as string) ?? [];
      list.push(row.new_area_code as string);
      next.set(row.old_area_code as string, list);
    }
    return next;
  };
  const to2024 = follow('khanh-hoa-2024-11-01.mapping.csv');
  const to2025 = follow('khanh-hoa-2025-07-01.mapping.csv');
  const districts = new Map<string, Set<string>>();
  for (const [commune2021, district] of districtOf2021)
    for (const commune2024 of to2024.get(commune2021) ?? [])
      for (const commune2025 of to2025.get(commune2024) ?? []) {
        const set = districts.get(commune2025) ?? new Set<string>();
        set.add(district);
        districts.set(commune2025, set);
      }
  const result = new Map<string, string>();
  for (const [commune, set] of districts) {
    if (set.size !== 1)
      throw new Error(`2025 commune ${commune} was formed from communes of districts ${[...set].join(', ')}`);
    result.set(commune, [...set][0] as string);
  }
  return result;
}

/** The 2025 communes' boundaries, by area code, each checked against our list by code and name. */
function readCommunes(geojsonDir: string): Feature<Shape, { inset?: true }>[] {
  const areas = readReference('khanh-hoa-2025-07-01.areas.csv').filter((row) => row.level === 'COMMUNE');
  const files = new Map<string, Feature<Shape, Record<string, unknown>>>();
  for (const name of fs.readdirSync(geojsonDir).filter((n) => n.endsWith('.geojson'))) {
    const collection = JSON.parse(fs.readFileSync(path.join(geojsonDir, name), 'utf8')) as FeatureCollection<
      Shape,
      Record<string, unknown>
    >;
    for (const f of collection.features) files.set(String(f.properties.code), f);
  }
  return areas.map((area) => {
    const code = area.area_code as string;
    const found = files.get(code);
    if (!found) throw new Error(`no boundary for ${code} ${area.name} in ${geojsonDir}`);
    // The files write some tone marks the old way ("Hoà"): the names are compared normalised.
    if (normaliseName(String(found.properties.fullName)) !== normaliseName(area.name as string))
      throw new Error(`boundary ${code} is "${found.properties.fullName}", our list says "${area.name}"`);
    return {
      type: 'Feature',
      id: code,
      properties: INSET_COMMUNES.has(code) ? { inset: true } : {},
      geometry: windForD3(found.geometry),
    };
  });
}

type Geometry = GeometryObject<{ inset?: true }> & { id?: string | number };

const isInset = (g: { properties?: unknown }) =>
  Boolean((g.properties as { inset?: true } | undefined)?.inset);

/** Builds the topology; returns it with what the build found, for the log and the tests. */
export function buildMap(geojsonDir: string = DEFAULT_GEOJSON_DIR): { topology: Topology; json: string } {
  const communes: FeatureCollection = { type: 'FeatureCollection', features: readCommunes(geojsonDir) };
  const built = topology({ communes }, BUILD_QUANTIZATION) as unknown as Topology<Objects<{ inset?: true }>>;
  const weighted = presimplify(built);
  const collection = weighted.objects.communes as GeometryCollection<{ inset?: true }>;

  // The arcs of the inset's rings: each keeps its two strongest inner points, a triangle at least.
  const insetArcs = new Set<number>();
  const arcIndex = (i: number) => (i < 0 ? ~i : i);
  const collectArcs = (g: Geometry, into: Set<number>) => {
    if (g.type === 'Polygon') for (const ring of g.arcs) for (const a of ring) into.add(arcIndex(a));
    if (g.type === 'MultiPolygon')
      for (const polygon of g.arcs) for (const ring of polygon) for (const a of ring) into.add(arcIndex(a));
  };
  for (const g of collection.geometries as Geometry[]) if (isInset(g)) collectArcs(g, insetArcs);
  for (const a of insetArcs) {
    const arc = weighted.arcs[a] as number[][];
    const inner = arc.slice(1, -1).sort((p, q) => (q[2] as number) - (p[2] as number));
    for (const point of inner.slice(0, 2)) point[2] = Number.POSITIVE_INFINITY;
  }

  const simplified = simplify(weighted, MIN_WEIGHT);
  // The ring a filter is given is its arcs' indices (the typings say points).
  const kept = filter(simplified, (arcs, interior) => {
    const ring = arcs as unknown as number[];
    if (ring.some((a) => insetArcs.has(arcIndex(a)))) return true;
    const coordinates = feature(simplified, { type: 'Polygon', arcs: [ring] }).geometry.coordinates[0];
    const area = Math.abs(signedArea(coordinates as Position[])) / 2;
    return interior ? area >= MIN_RING_AREA / 4 : area >= MIN_RING_AREA;
  });

  // 2021's districts, dissolved from the communes formed from theirs, over the very same arcs.
  const districtOf = districtsOf2025Communes();
  const keptCommunes = (kept.objects.communes as GeometryCollection<{ inset?: true }>)
    .geometries as Geometry[];
  const byDistrict = new Map<string, Geometry[]>();
  for (const g of keptCommunes) {
    const district = districtOf.get(String(g.id));
    if (!district) continue;
    byDistrict.set(district, [...(byDistrict.get(district) ?? []), g]);
  }
  const districts = [...byDistrict]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([code, parts]) => {
      const merged = mergeArcs(kept, parts as Parameters<typeof mergeArcs>[1]);
      const inset = parts.some(isInset);
      return { ...merged, id: code, ...(inset ? { properties: { inset: true } } : {}) };
    });
  kept.objects.districts = { type: 'GeometryCollection', geometries: districts } as GeometryCollection;
  const result = quantize(kept, OUTPUT_QUANTIZATION);
  delete result.bbox;
  return { topology: result, json: `${JSON.stringify(result)}\n` };
}

function main(args: string[]): number {
  const check = args.includes('--check');
  const at = args.indexOf('--geojson');
  const geojsonDir = at >= 0 ? path.resolve(args[at + 1] ?? '') : DEFAULT_GEOJSON_DIR;
  if (!fs.existsSync(geojsonDir)) {
    console.error(`No boundary files at ${geojsonDir}: pass --geojson <dir>.`);
    return 1;
  }
  const { topology: built, json } = buildMap(geojsonDir);
  const gzip = gzipSync(json).length;
  const count = (name: string) => (built.objects[name] as GeometryCollection).geometries.length;
  console.log(
    `${count('communes')} communes, ${count('districts')} districts, ${built.arcs.length} arcs, ` +
      `${(json.length / 1000).toFixed(1)} kB, ${(gzip / 1000).toFixed(1)} kB gzip`,
  );
  if (gzip >= MAX_GZIP_BYTES) {
    console.error(`the map is ${gzip} bytes gzip; the budget is ${MAX_GZIP_BYTES}`);
    return 1;
  }
  return writeGenerated(MAP_FILE, json, { check, root: ROOT, command: 'pnpm build-maps' }) ? 0 : 1;
}

runAsScript(import.meta.url, main);
