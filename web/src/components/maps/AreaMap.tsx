import {
  type GeoPath,
  type GeoPermissibleObjects,
  type GeoProjection,
  geoContains,
  geoMercator,
  geoPath,
} from 'd3-geo';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { type MouseEvent, useId, useMemo, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { t } from '../../i18n/index.ts';
import { formatInteger, formatPercent } from '../../lib/format.ts';
import {
  type AreaShape,
  type LayerShapes,
  layerShapes,
  loadedBoundaries,
  type MapLayer,
} from './boundaries.ts';
import type { Classification, MapArea, MapView } from './classes.ts';
import { MapLegend } from './MapLegend.tsx';

export { loadBoundaries } from './boundaries.ts';

export interface AreaMapProps {
  areas: MapArea[];
  layer: MapLayer;
  view: MapView;
  classification: Classification;
  goalRate: number | null;
  /** What the areas are ("huyện, thị xã, thành phố"), for the map's own name. */
  partsLabel: string;
  /** The page of an area, keeping the day and the map. */
  hrefOf: (id: string) => string;
}

/** The map's own units (its viewBox): drawn at any size, the text scaled with it. */
const WIDTH = 640;
const PAD = 8;
/** Trường Sa's inset, in the sea at the bottom right; its islands are far below a pixel, so dots. */
const INSET = { width: 180, height: 124, title: 22 };
/** A few areas (2021's nine districts) are labelled with their figure; 65 communes would be a blur. */
const MAX_LABELLED = 12;

interface Drawn {
  area: MapArea;
  shape: AreaShape;
  d: string;
  inset: boolean;
  /** Where its label and its tooltip go: the middle of its largest piece. */
  anchor: [number, number];
}

/** The middle of the shape's largest polygon: a coastal district's centroid can fall in the sea. */
function anchorOf(shape: AreaShape, path: GeoPath): [number, number] {
  const polygons: Feature<Polygon>[] =
    shape.geometry.type === 'Polygon'
      ? [{ type: 'Feature', properties: {}, geometry: shape.geometry }]
      : (shape.geometry as MultiPolygon).coordinates.map((coordinates) => ({
          type: 'Feature',
          properties: {},
          geometry: { type: 'Polygon', coordinates },
        }));
  let largest = polygons[0] as Feature<Polygon>;
  for (const p of polygons) if (path.area(p) > path.area(largest)) largest = p;
  return path.centroid(largest) as [number, number];
}

type Box = { x: number; y: number; width: number; height: number };

/**
 * Where the inset goes: the lowest place along the right edge that covers no land, as the sea east
 * and south of the coast is; null when none is free (the map then grows a strip below for it). Land is tested by its drawn
 * vertices (a simplified coast has one every few units) and, for a box wholly inland, its centre.
 */
function placeInset(
  projection: GeoProjection,
  shapes: readonly AreaShape[],
  land: GeoPermissibleObjects,
  height: number,
): Box | null {
  const points: [number, number][] = [];
  const visit = (c: unknown): void => {
    if (Array.isArray(c) && typeof c[0] === 'number') {
      const p = projection(c as [number, number]);
      if (p) points.push(p);
    } else if (Array.isArray(c)) for (const inner of c) visit(inner);
  };
  for (const shape of shapes) visit(shape.geometry.coordinates);
  const margin = 6;
  const at = (y: number): Box => ({
    x: WIDTH - PAD - INSET.width,
    y,
    width: INSET.width,
    height: INSET.height,
  });
  const free = (box: Box) => {
    const centre = projection.invert?.([box.x + box.width / 2, box.y + box.height / 2]);
    if (centre && geoContains(land, centre)) return false;
    return !points.some(
      ([x, y]) =>
        x >= box.x - margin &&
        x <= box.x + box.width + margin &&
        y >= box.y - margin &&
        y <= box.y + box.height + margin,
    );
  };
  for (let y = height - PAD - INSET.height; y >= PAD; y -= 10) if (free(at(y))) return at(y);
  return null;
}

/**
 * A district's name without its type word ("Thành phố Nha Trang" → "Nha Trang"), for a label on the
 * map, where room is short; the link, the tooltip and the table keep the full name.
 */
function shortName(name: string): string {
  return name.replace(/^(Thành phố|Thị xã|Huyện|Quận|Thị trấn|Phường|Xã|Đặc khu)\s+/u, '');
}

function valueText(area: MapArea, view: MapView): string {
  if (area.target === 0) return t.map.noPersons;
  return view === 'rate'
    ? formatPercent(area.rate)
    : t.map.remaining(formatInteger(area.target - area.activated));
}

/**
 * The choropleth: every area a link to its page, filled by its class, named with its figure; the
 * islands of Trường Sa in an inset. Hover or focus shows the area's name, figure and counts.
 */
export function AreaMap({ areas, layer, view, classification, goalRate, partsLabel, hrefOf }: AreaMapProps) {
  const topology = loadedBoundaries();
  const navigate = useNavigate();
  const hatch = `map-empty-${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`;
  const [active, setActive] = useState<string | null>(null);
  const { shapes, coast }: LayerShapes = useMemo(
    () =>
      topology
        ? layerShapes(topology, layer)
        : { shapes: new Map(), coast: { type: 'MultiLineString', coordinates: [] } },
    [topology, layer],
  );

  const drawing = useMemo(() => {
    const placed = areas.flatMap((area) => {
      const shape = shapes.get(area.id);
      return shape ? [{ area, shape, inset: Boolean(shape.properties?.inset) }] : [];
    });
    const collection = (list: typeof placed): GeoPermissibleObjects => ({
      type: 'FeatureCollection',
      features: list.map((p) => p.shape),
    });
    const mainland = placed.filter((p) => !p.inset);
    const islands = placed.filter((p) => p.inset);
    const projection = geoMercator().fitWidth(WIDTH - 2 * PAD, collection(mainland));
    const path = geoPath(projection);
    const [[, top], [, bottom]] = path.bounds(collection(mainland));
    projection.translate([projection.translate()[0] + PAD, projection.translate()[1] + PAD - top]);
    const height = Math.ceil(bottom - top + 2 * PAD);
    const box =
      islands.length > 0
        ? placeInset(
            projection,
            mainland.map((p) => p.shape),
            collection(mainland),
            height,
          )
        : null;
    const insetPath = box
      ? geoPath(
          geoMercator().fitExtent(
            [
              [box.x + 12, box.y + INSET.title + 6],
              [box.x + box.width - 12, box.y + box.height - 10],
            ],
            collection(islands),
          ),
        )
      : path;
    const drawn: Drawn[] = placed.map((p) => {
      const of = p.inset ? insetPath : path;
      return {
        ...p,
        d: of(p.shape) ?? '',
        anchor: p.inset && box ? [box.x + box.width / 2, box.y + box.height / 2] : anchorOf(p.shape, of),
      };
    });
    const missing = areas.filter((a) => !shapes.has(a.id)).map((a) => a.name);
    return { drawn, height, box, missing, coastline: path(coast) ?? '' };
  }, [areas, shapes, coast]);

  const fillOf = (area: MapArea) => {
    const k = classification.classOf.get(area.id);
    return k === undefined ? `url(#${hatch})` : (classification.classes[k]?.colour ?? '#ffffff');
  };
  const open = (event: MouseEvent, href: string) => {
    // A plain click stays in the app; a modified one (new tab, new window) is the browser's.
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(href);
  };
  const { drawn, height, box, missing, coastline } = drawing;
  const shown = drawn.find((d) => d.area.id === active);
  const labelled = drawn.length <= MAX_LABELLED;
  const tooltipId = `${hatch}-tip`;

  return (
    <figure className="map">
      <div className="map__body">
        {/* No taller than most of the screen: a map read in a meeting is seen whole. */}
        <div
          className="map__canvas"
          style={{ maxWidth: `min(44rem, ${((75 * WIDTH) / height).toFixed(1)}vh)` }}
        >
          {/* biome-ignore lint/a11y/useSemanticElements: an <svg> cannot be a <fieldset>; the group names its links */}
          <svg
            viewBox={`0 0 ${WIDTH} ${height}`}
            className="map__svg"
            role="group"
            aria-label={t.map.svgLabel(partsLabel)}
          >
            <defs>
              <pattern
                id={hatch}
                width="6"
                height="6"
                patternUnits="userSpaceOnUse"
                patternTransform="rotate(45)"
              >
                <rect width="6" height="6" fill="#ffffff" />
                <line x1="0" y1="0" x2="0" y2="6" stroke="#a3aebb" strokeWidth="1.5" />
              </pattern>
            </defs>
            {box && (
              // biome-ignore lint/a11y/noAriaHiddenOnFocusable: an SVG <g> is not focusable; its title is the link's name already
              <g className="map__inset" aria-hidden="true">
                <rect x={box.x} y={box.y} width={box.width} height={box.height} rx="4" />
                <text x={box.x + 8} y={box.y + 16}>
                  {drawn.find((d) => d.inset)?.area.name}
                </text>
              </g>
            )}
            {drawn.map(({ area, d, inset }) => {
              const href = hrefOf(area.id);
              return (
                <a
                  key={area.id}
                  href={href}
                  className="map__area"
                  aria-label={t.map.areaName(area.name, valueText(area, view))}
                  aria-describedby={active === area.id ? tooltipId : undefined}
                  onClick={(event) => open(event, href)}
                  onMouseEnter={() => setActive(area.id)}
                  onMouseLeave={() => setActive((current) => (current === area.id ? null : current))}
                  onFocus={() => setActive(area.id)}
                  onBlur={() => setActive((current) => (current === area.id ? null : current))}
                >
                  {inset && <path d={d} className="map__islands-rim" />}
                  {inset && box && (
                    <rect x={box.x} y={box.y} width={box.width} height={box.height} className="map__hit" />
                  )}
                  <path
                    d={d}
                    fill={fillOf(area)}
                    className={inset ? 'map__shape map__shape--islands' : 'map__shape'}
                    // A style, not the attribute, which the class's white stroke would override.
                    style={inset ? { stroke: fillOf(area) } : undefined}
                  />
                </a>
              );
            })}
            <path d={coastline} className="map__coast" />
            {shown && <path d={shown.d} className="map__outline" />}
            {labelled && (
              // biome-ignore lint/a11y/noAriaHiddenOnFocusable: an SVG <g> is not focusable; each label repeats its link's name
              <g className="map__labels" aria-hidden="true">
                {drawn
                  .filter((p) => !p.inset)
                  .map(({ area, anchor }) => (
                    <text key={area.id}>
                      <tspan x={anchor[0]} y={anchor[1]} dy="-0.55em" className="map__label-name">
                        {shortName(area.name)}
                      </tspan>
                      <tspan x={anchor[0]} y={anchor[1]} dy="0.65em" className="map__label-value">
                        {area.target === 0
                          ? '–'
                          : view === 'rate'
                            ? formatPercent(area.rate)
                            : formatInteger(area.target - area.activated)}
                      </tspan>
                    </text>
                  ))}
              </g>
            )}
          </svg>
          {shown && (
            <div
              className="map__tooltip"
              id={tooltipId}
              role="tooltip"
              style={{
                left: `${(shown.anchor[0] / WIDTH) * 100}%`,
                top: `${(shown.anchor[1] / height) * 100}%`,
              }}
            >
              <strong>{shown.area.name}</strong>
              <span>{valueText(shown.area, view)}</span>
              {shown.area.target > 0 && (
                <span>
                  {t.map.counts(formatInteger(shown.area.activated), formatInteger(shown.area.target))}
                </span>
              )}
            </div>
          )}
        </div>
        <MapLegend
          view={view}
          classification={classification}
          goalRate={goalRate}
          hatch={hatch}
          reached={goalRate === null ? 0 : areas.filter((a) => a.target > 0 && a.rate >= goalRate).length}
        />
      </div>
      <figcaption className="map__caption">
        {layer === 'districts' && <span>{t.map.districtsNote} </span>}
        {missing.length > 0 && <span>{t.map.missing(missing.join(', '))} </span>}
        <span className="map__credit">{t.map.credit}</span>
      </figcaption>
    </figure>
  );
}
