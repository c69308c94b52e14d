import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { feature, mesh } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
// A hashed file of the build, fetched from this server only when a map is drawn: never in the first
// page's code, never from outside (scripts/reference/build-maps.ts makes it; README, "The map").
import boundariesUrl from '../../maps/khanh-hoa.topo.json?url';

/** The boundaries a map can draw: 2021's districts (also 2024's, the same nine) or 2025's communes. */
export type MapLayer = 'districts' | 'communes';

export type AreaShape = Feature<Polygon | MultiPolygon, { inset?: true }> & { id: string };

export interface LayerShapes {
  /** Every area of the layer by its code, as GeoJSON for d3-geo. */
  shapes: Map<string, AreaShape>;
  /** The layer's outer edge (coast and province border) on the mainland, drawn over the fills so that
   * the lightest class keeps an edge against the white page; inner borders stay white. */
  coast: GeoJSON.MultiLineString;
}

let pending: Promise<Topology> | undefined;
let loaded: Topology | undefined;

/** The boundaries, once `loadBoundaries` has resolved (the map is drawn only then). */
export function loadedBoundaries(): Topology | undefined {
  return loaded;
}

/** Fetches the boundaries once per page load; a failure is not kept, so a retry fetches again. */
export function loadBoundaries(): Promise<Topology> {
  pending ??= fetch(boundariesUrl)
    .then((response) => {
      if (!response.ok) throw new Error(`boundaries: HTTP ${response.status}`);
      return response.json() as Promise<Topology>;
    })
    .then((topology) => {
      loaded = topology;
      return topology;
    })
    .catch((error: unknown) => {
      pending = undefined;
      throw error;
    });
  return pending;
}

const layers = new WeakMap<Topology, Map<MapLayer, LayerShapes>>();

/** One layer's shapes, converted once per topology. */
export function layerShapes(topology: Topology, layer: MapLayer): LayerShapes {
  let cached = layers.get(topology);
  if (!cached) {
    cached = new Map();
    layers.set(topology, cached);
  }
  let shapes = cached.get(layer);
  if (!shapes) {
    const object = topology.objects[layer] as GeometryCollection<{ inset?: true }>;
    const collection = feature(topology, object);
    shapes = {
      shapes: new Map(
        (collection.features as AreaShape[]).map((f) => [String(f.id), { ...f, id: String(f.id) }]),
      ),
      // A ring's own edge (a = b) not shared with a neighbour; Trường Sa's islands are drawn apart.
      coast: mesh(
        topology,
        object,
        (a, b) => a === b && !(a.properties as { inset?: true } | undefined)?.inset,
      ),
    };
    cached.set(layer, shapes);
  }
  return shapes;
}
