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

// The dashboard's boundaries (web/src/maps/khanh-hoa.topo.json) as committed: every area of the maps
// that draw one has its shape, and the file stays small enough for a page.

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
