import fs from 'node:fs';
import { gzipSync } from 'node:zlib';
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { describe, expect, test } from 'vitest';
import { KHANH_HOA_2021, readReferenceAreas } from '../../api/src/reference/load.ts';
import { DEFAULT_GEOJSON_DIR, REFERENCE_DIR } from '../../scripts/reference/build-geographies.ts';
import {
  buildMap,
  districtsOf2025Communes,
  MAP_FILE,
  MAX_GZIP_BYTES,
} from '../../scripts/reference/build-maps.ts';
import { classify, goalClass, type MapArea } from '../../web/src/components/maps/classes.ts';

// The dashboard's map: its boundaries (web/src/maps/khanh-hoa.topo.json) as committed, every area of
// the maps that draw one with its shape, small enough for a page; and how its areas are classed.

const text = fs.readFileSync(MAP_FILE, 'utf8');
const topology = JSON.parse(text) as Topology;
const collection = (name: string) => topology.objects[name] as GeometryCollection<{ inset?: true }>;
const shapesOf = (name: string) =>
  new Map(feature(topology, collection(name)).features.map((f) => [String(f.id), f]));
const areas2025 = readReferenceAreas(`${REFERENCE_DIR}/khanh-hoa-2025-07-01.areas.csv`);

/** Twice the signed planar area of a ring in lon/lat: negative when clockwise. */
function signedArea(ring: Position[]): number {
  let sum = 0;
  for (let i = 0; i < ring.length - 1; i++)
    sum += (ring[i]?.[0] ?? 0) * (ring[i + 1]?.[1] ?? 0) - (ring[i + 1]?.[0] ?? 0) * (ring[i]?.[1] ?? 0);
  return sum;
}
const polygonsOf = (g: Polygon | MultiPolygon) => (g.type === 'Polygon' ? [g.coordinates] : g.coordinates);
const areaOf = (g: Polygon | MultiPolygon) =>
  polygonsOf(g).reduce((sum, rings) => sum - rings.reduce((s, ring) => s + signedArea(ring), 0) / 2, 0);

describe('the map’s boundaries', () => {
  test('every 2025 commune of our list has a shape, under its area code, and nothing else does', () => {
    const communes = areas2025.filter((a) => a.level === 'COMMUNE').map((a) => a.code);
    expect(communes).toHaveLength(65);
    const shapes = shapesOf('communes');
    expect([...shapes.keys()].sort()).toEqual([...communes].sort());
    for (const [code, shape] of shapes) {
      expect(shape.geometry, code).not.toBeNull();
      expect(areaOf(shape.geometry as Polygon | MultiPolygon), code).toBeGreaterThan(0);
    }
  });

  test('the nine 2021 districts each are the union of the 2025 communes formed from theirs', () => {
    const districts = readReferenceAreas(KHANH_HOA_2021)
      .filter((a) => a.level === 'DISTRICT')
      .map((a) => a.code);
    expect(districts).toEqual(['568', '569', '570', '571', '572', '573', '574', '575', '576']);
    const shapes = shapesOf('districts');
    expect([...shapes.keys()].sort()).toEqual(districts);
    const communes = shapesOf('communes');
    const districtOf = districtsOf2025Communes();
    // Ninh Thuận's communes (22738 and after) belong to none.
    expect([...districtOf.keys()].filter((code) => code >= '22738')).toEqual([]);
    for (const district of districts) {
      const parts = [...districtOf].filter(([, d]) => d === district).map(([c]) => c);
      expect(parts.length, district).toBeGreaterThan(0);
      const sum = parts.reduce((s, c) => s + areaOf(communes.get(c)?.geometry as Polygon | MultiPolygon), 0);
      expect(areaOf(shapes.get(district)?.geometry as Polygon | MultiPolygon)).toBeCloseTo(sum, 9);
    }
  });

  test('rings wind as d3-geo draws them (exteriors clockwise), and only Trường Sa is in the inset', () => {
    for (const name of ['communes', 'districts'])
      for (const [code, shape] of shapesOf(name))
        for (const rings of polygonsOf(shape.geometry as Polygon | MultiPolygon))
          expect(signedArea(rings[0] as Position[]), `${name} ${code}`).toBeLessThan(0);
    const inset = (name: string) =>
      collection(name)
        .geometries.filter((g) => (g.properties as { inset?: true } | undefined)?.inset)
        .map((g) => g.id);
    expect(inset('communes')).toEqual(['22736']);
    expect(inset('districts')).toEqual(['576']);
  });

  test(`is under ${MAX_GZIP_BYTES / 1000} kB gzip, and is what the build script makes of the boundary files`, () => {
    expect(gzipSync(text).length).toBeLessThan(MAX_GZIP_BYTES);
    if (fs.existsSync(DEFAULT_GEOJSON_DIR)) expect(buildMap().json).toBe(text);
  });
});

describe('the map’s classes', () => {
  const area = (id: string, target: number, activated: number): MapArea => ({
    id,
    name: id,
    target,
    activated,
    rate: target > 0 ? activated / target : 0,
  });

  test('are quantiles of the areas with insured persons: nine areas make five classes of 2, 2, 2, 2 and 1', () => {
    const areas = [10, 20, 30, 40, 50, 60, 70, 80, 90].map((n, i) => area(`a${i}`, 100, n));
    const { classes, classOf, empty } = classify([...areas, area('none', 0, 0)], 'rate');
    expect(classes.map((c) => [c.min, c.max, c.count])).toEqual([
      [0.1, 0.2, 2],
      [0.3, 0.4, 2],
      [0.5, 0.6, 2],
      [0.7, 0.8, 2],
      [0.9, 0.9, 1],
    ]);
    // Nobody to count is no class at all (the map hatches it), not the class of 0 %.
    expect(classOf.has('none')).toBe(false);
    expect(empty).toBe(1);
    expect(new Set(classes.map((c) => c.colour)).size).toBe(5);
  });

  test('never split equal figures, and class a rate as the page writes it', () => {
    expect(classify([area('a', 10, 5), area('b', 20, 10), area('c', 40, 20)], 'rate').classes).toHaveLength(
      1,
    );
    // 70,14 % and 70,1 % are both "70,1 %" on the page: one class, whose bounds say 70,1 %.
    const { classes, classOf } = classify(
      [area('a', 10000, 7014), area('b', 1000, 701), area('c', 100, 90)],
      'rate',
    );
    expect(classOf.get('a')).toBe(classOf.get('b'));
    expect(classes[0]?.max).toBe(0.701);
  });

  test('by persons not yet activated, counts; the goal’s class is the one it falls in, or past the last', () => {
    const areas = [area('a', 100, 90), area('b', 500, 100), area('c', 1000, 100)];
    expect(classify(areas, 'remaining').classes.map((c) => [c.min, c.max])).toEqual([
      [10, 10],
      [400, 400],
      [900, 900],
    ]);
    const { classes } = classify(areas, 'rate');
    expect(goalClass(classes, 0.8)).toBe(2);
    expect(goalClass(classes, 0.95)).toBe(classes.length);
    expect(goalClass(classes, 0.15)).toBe(1);
  });
});
