import { Link } from 'react-router-dom';
import type { DistrictTableFieldsFragment } from '../../gql/graphql.ts';
import { t } from '../../i18n/index.ts';
import { useAsOf } from '../../lib/as-of.ts';
import { formatChange, formatFraction, formatInteger } from '../../lib/format.ts';
import { areaPath, usePageGeography } from '../../lib/geography.ts';
import { competitionRanks } from '../../lib/rank.ts';
import type { ExportColumn } from '../../lib/table-export.ts';
import { type Sort, type SortValue, sortRows, useSortParam } from '../../lib/table-params.ts';
import { DownloadButtons } from '../common/DownloadButtons.tsx';
import { RateCell } from '../common/RateBar.tsx';
import { ScrollRegion } from '../common/ScrollRegion.tsx';
import { SortHeader } from '../common/SortHeader.tsx';
import type { PartLevel } from './queries.ts';

interface DistrictTableProps {
  /** The area, whose own figures (the same as the tiles) are the totals row, and its parts. */
  area: DistrictTableFieldsFragment;
  /** What the rows are: districts or communes. */
  parts: PartLevel;
}

type Figures = DistrictTableFieldsFragment['coverage'];
/** A row of the table or of its file: a part, or the area itself as the totals. */
interface Line {
  id: string;
  name: string;
  coverage: Figures;
  weekAgo: { activated: number };
  rank?: number;
  /** Its place in the API's order. */
  index: number;
}

const SORT_KEYS = [
  'given',
  'name',
  'target',
  'registered',
  'activated',
  'rate',
  'contacted',
  'change',
  'rank',
] as const;
type SortKey = (typeof SORT_KEYS)[number];
/** The order the API gives the parts in (by code), which the chart beside the table also follows. */
const AS_GIVEN: Sort<SortKey> = { key: 'given', descending: false };

function sortValue(line: Line, key: SortKey): SortValue {
  const c = line.coverage;
  const values: Record<SortKey, SortValue> = {
    given: line.index,
    name: line.name,
    target: c.target,
    registered: c.registered,
    activated: c.activated,
    rate: c.activationRate,
    contacted: c.unitsContacted,
    change: c.activated - line.weekAgo.activated,
    rank: line.rank,
  };
  return values[key];
}

/** The file names the parts for what they are: districts or communes. */
const fileWhat = (parts: PartLevel) => (parts === 'DISTRICT' ? 'theo-huyen' : 'theo-xa');

/**
 * The districts' figures (the chart's data, readable as a table) with the province as totals, ordered
 * by any column (all on screen, so here; in the URL under "p."). Unsorted, the rows keep the API's
 * order, the chart's.
 */
export function DistrictTable({ area: province, parts }: DistrictTableProps) {
  const { asOf } = useAsOf();
  const { ofDay } = usePageGeography(asOf);
  const [sort, sortBy] = useSortParam('p.', SORT_KEYS, AS_GIVEN);
  const ranks = competitionRanks(
    province.children,
    (d) => d.id,
    (d) => d.coverage.activationRate,
  );
  const lines: Line[] = province.children.map((d, index) => ({ ...d, rank: ranks.get(d.id), index }));
  const districts = sortRows(lines, sort, sortValue);
  const totals: Line = { ...province, id: province.code, name: t.table.totalRow(province.name), index: -1 };
  const heading = (key: SortKey, text: string) => (
    <SortHeader label={text} sortKey={key} sort={sort} onSort={sortBy} numeric={key !== 'name'} />
  );
  return (
    <>
      <DownloadButtons
        spec={{
          what: fileWhat(parts),
          of: province.code,
          asOf,
          sheet: t.parts[parts].plural,
          columns: districtColumns(t.parts[parts].column),
          rows: () => [...districts, totals],
        }}
      />
      <ScrollRegion label={t.table.scrollLabel(t.parts[parts].plural)}>
        <table className="data-table">
          <caption className="visually-hidden">{t.table.caption(t.parts[parts].plural)}</caption>
          <thead>
            <tr>
              {heading('name', t.parts[parts].column)}
              {heading('target', t.table.target)}
              {heading('registered', t.table.registered)}
              {heading('activated', t.table.activated)}
              {heading('rate', t.table.activationRate)}
              {heading('contacted', t.table.unitsContacted)}
              {heading('change', t.table.change7)}
              {heading('rank', t.table.rank)}
            </tr>
          </thead>
          <tbody>
            {districts.map((district) => (
              <tr key={district.id}>
                <th scope="row">
                  <Link to={areaPath(district.id, province.geography.id, asOf, ofDay)}>{district.name}</Link>
                </th>
                <Cells coverage={district.coverage} />
                <td className="num">
                  {formatChange(district.coverage.activated - district.weekAgo.activated)}
                </td>
                <td className="num">{district.rank}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{totals.name}</th>
              <Cells coverage={province.coverage} />
              <td className="num">
                {formatChange(province.coverage.activated - province.weekAgo.activated)}
              </td>
              <td />
            </tr>
          </tfoot>
        </table>
      </ScrollRegion>
    </>
  );
}

function Cells({ coverage }: { coverage: Figures }) {
  return (
    <>
      <td className="num">{formatInteger(coverage.target)}</td>
      <td className="num">{formatInteger(coverage.registered)}</td>
      <td className="num">{formatInteger(coverage.activated)}</td>
      <RateCell ratio={coverage.activationRate} />
      <td className="num">{formatFraction(coverage.unitsContacted, coverage.units)}</td>
    </>
  );
}

function districtColumns(partName: string): ExportColumn<Line>[] {
  return [
    { header: partName, value: (l) => l.name, text: true },
    { header: t.table.target, value: (l) => l.coverage.target },
    { header: t.table.registered, value: (l) => l.coverage.registered },
    { header: t.table.activated, value: (l) => l.coverage.activated },
    { header: t.table.activationRate, value: (l) => l.coverage.activationRate, percent: true },
    { header: t.table.unitsContacted, value: (l) => l.coverage.unitsContacted },
    { header: t.officers.units, value: (l) => l.coverage.units },
    { header: t.table.change7, value: (l) => l.coverage.activated - l.weekAgo.activated },
    { header: t.table.rank, value: (l) => l.rank },
  ];
}
