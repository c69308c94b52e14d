import { useId, useMemo } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { type FragmentType, graphql, useFragment } from '../../gql';
import { t } from '../../i18n/index.ts';
import { formatInteger, formatPercent } from '../../lib/format.ts';
import { areaPath, usePageGeography } from '../../lib/geography.ts';
import type { Loadable } from '../../lib/loadable.ts';
import { lazyChart } from '../charts/lazyChart.tsx';
import { AsTable } from '../common/AsTable.tsx';
import { LoadableContent } from '../common/LoadableContent.tsx';
import { Panel } from '../common/Panel.tsx';
import { EmptyState } from '../common/StateMessages.tsx';
import type { PartLevel } from '../coverage/queries.ts';
import type { MapLayer } from './boundaries.ts';
import { classify, type MapArea, type MapView, mapValue } from './classes.ts';
import { classRange } from './MapLegend.tsx';

// The same fields as the parts chart's, so the page's one query answers both at no extra cost.
const areaMapFields = graphql(`
  fragment AreaMapFields on Area {
    geography {
      id
    }
    coverage(asOf: $asOf) {
      goal {
        rate
      }
    }
    children {
      id
      name
      coverage(asOf: $asOf) {
        target
        activated
        activationRate
      }
    }
  }
`);

type AreaMapRef = FragmentType<typeof areaMapFields>;

/*
 * d3-geo, topojson-client and the boundaries come in a chunk of their own, asked for only when the
 * page's data is there and a map is to be drawn (not on mount, as the charts are): the first chart,
 * whose code is already on its way, never waits behind them.
 */
const { Chart: AreaMap } = lazyChart(() =>
  import('./AreaMap.tsx').then(async (module) => {
    await module.loadBoundaries();
    return module.AreaMap;
  }),
);

/**
 * The boundaries the project ships for each level of parts: 2021's (and 2024's) districts, and
 * 2025's communes. A district's communes before 2025 have none (the shapes of 2021's communes are not
 * shipped), so a district's page has no map.
 */
const LAYER_OF: Partial<Record<PartLevel, MapLayer>> = {
  DISTRICT: 'districts',
  COMMUNE_TWO_TIERS: 'communes',
};

/** Whether the page can show a map of an area's parts. */
export function hasMap(parts: PartLevel): boolean {
  return LAYER_OF[parts] !== undefined;
}

const VIEW_PARAM = 'mapView';

/** The area's parts on a map, coloured by their activation rate or by the persons still to activate. */
export function AreaMapPanel({
  state,
  parts,
  asOf,
}: {
  state: Loadable<AreaMapRef | null>;
  parts: PartLevel;
  asOf: string | null;
}) {
  const [params, setParams] = useSearchParams();
  const view: MapView = params.get(VIEW_PARAM) === 'remaining' ? 'remaining' : 'rate';
  const setView = (next: MapView) =>
    setParams(
      (current) => {
        const updated = new URLSearchParams(current);
        if (next === 'rate') updated.delete(VIEW_PARAM);
        else updated.set(VIEW_PARAM, next);
        return updated;
      },
      { replace: true },
    );
  return (
    <Panel title={t.map.title(t.parts[parts].plural)} className="map-panel">
      <fieldset className="segmented">
        <legend className="segmented__label">{t.map.viewsLabel}</legend>
        {(['rate', 'remaining'] as const).map((v) => (
          <button key={v} type="button" aria-pressed={view === v} onClick={() => setView(v)}>
            {v === 'rate' ? t.map.viewRate : t.map.viewRemaining}
          </button>
        ))}
      </fieldset>
      <LoadableContent state={state}>
        {(area) => <PartsMap area={area} parts={parts} view={view} asOf={asOf} />}
      </LoadableContent>
    </Panel>
  );
}

function PartsMap(props: { area: AreaMapRef; parts: PartLevel; view: MapView; asOf: string | null }) {
  const { parts, view, asOf } = props;
  const area = useFragment(areaMapFields, props.area);
  const { ofDay } = usePageGeography(asOf);
  const areas: MapArea[] = useMemo(
    () =>
      area.children.map(({ id, name, coverage }) => ({
        id,
        name,
        target: coverage.target,
        activated: coverage.activated,
        rate: coverage.activationRate,
      })),
    [area.children],
  );
  const classification = useMemo(() => classify(areas, view), [areas, view]);
  const afterMap = `after-map-${useId().replace(/[^a-zA-Z0-9]/g, '')}`;
  const layer = LAYER_OF[parts];
  if (areas.length === 0 || !layer) return <EmptyState />;
  const hrefOf = (id: string) => areaPath(id, area.geography.id, asOf, ofDay);
  const ranked = [...areas].sort(
    (a, b) => mapValue(b, view) - mapValue(a, view) || a.name.localeCompare(b.name, 'vi'),
  );
  return (
    <div className="map-skip">
      {/* 65 communes are 65 tab stops: a keyboard user may pass them all at once. */}
      <a className="skip-link" href={`#${afterMap}`}>
        {t.map.skip}
      </a>
      <AreaMap
        areas={areas}
        layer={layer}
        view={view}
        classification={classification}
        goalRate={area.coverage.goal?.rate ?? null}
        partsLabel={t.parts[parts].plural}
        hrefOf={hrefOf}
      />
      <span id={afterMap} tabIndex={-1} />
      <AsTable label={t.map.tableLabel}>
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{t.parts[parts].column}</th>
              <th scope="col" className="num">
                {t.table.target}
              </th>
              <th scope="col" className="num">
                {t.table.activated}
              </th>
              <th scope="col" className="num">
                {t.table.activationRate}
              </th>
              <th scope="col" className="num">
                {t.table.notActivated}
              </th>
              <th scope="col">{t.map.classColumn}</th>
            </tr>
          </thead>
          <tbody>
            {ranked.map((a) => {
              const k = classification.classOf.get(a.id);
              const c = k === undefined ? undefined : classification.classes[k];
              return (
                <tr key={a.id}>
                  <th scope="row">
                    <Link to={hrefOf(a.id)}>{a.name}</Link>
                  </th>
                  <td className="num">{formatInteger(a.target)}</td>
                  <td className="num">{formatInteger(a.activated)}</td>
                  <td className="num">{a.target > 0 ? formatPercent(a.rate) : '–'}</td>
                  <td className="num">{formatInteger(a.target - a.activated)}</td>
                  <td>{c ? classRange(c.min, c.max, view) : t.map.noPersons}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </AsTable>
    </div>
  );
}
