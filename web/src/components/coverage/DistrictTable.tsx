import { Link } from 'react-router-dom';
import { type FragmentType, graphql, useFragment } from '../../gql';
import type { DistrictTableFieldsFragment } from '../../gql/graphql.ts';
import { t } from '../../i18n/index.ts';
import { useAsOf } from '../../lib/as-of.ts';
import { formatChange, formatFraction, formatInteger } from '../../lib/format.ts';
import { areaPath, usePageGeography } from '../../lib/geography.ts';
import { competitionRanks } from '../../lib/rank.ts';
import { RateCell } from '../common/RateBar.tsx';
import { ScrollRegion } from '../common/ScrollRegion.tsx';
import type { PartLevel } from './queries.ts';

interface DistrictTableProps {
  /** The area, whose own figures (the same as the tiles) are the totals row, and its parts. */
  area: DistrictTableFieldsFragment;
  /** What the rows are: districts or communes. */
  parts: PartLevel;
}

// The figures of a row: a part's, or the area's in the totals row.
const districtTableCells = graphql(`
  fragment DistrictTableCells on Coverage {
    target
    registered
    activated
    activationRate
    units
    unitsContacted
  }
`);

/** Headings of the figure columns, in the order Cells renders them. */
const numericColumns = [
  t.table.target,
  t.table.registered,
  t.table.activated,
  t.table.activationRate,
  t.table.unitsContacted,
];

function Cells(props: { coverage: FragmentType<typeof districtTableCells> }) {
  const coverage = useFragment(districtTableCells, props.coverage);
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

/** The districts' figures (the chart's data, readable as a table) with the province as totals. */
export function DistrictTable({ area: province, parts }: DistrictTableProps) {
  const { asOf } = useAsOf();
  const { ofDay } = usePageGeography(asOf);
  const districts = province.children;
  const ranks = competitionRanks(
    districts,
    (d) => d.id,
    (d) => d.coverage.activationRate,
  );
  return (
    <ScrollRegion label={t.table.scrollLabel(t.parts[parts].plural)}>
      <table className="data-table">
        <caption className="visually-hidden">{t.table.caption(t.parts[parts].plural)}</caption>
        <thead>
          <tr>
            <th scope="col">{t.parts[parts].column}</th>
            {numericColumns.map((label) => (
              <th key={label} scope="col" className="num">
                {label}
              </th>
            ))}
            <th scope="col" className="num">
              {t.table.change7}
            </th>
            <th scope="col" className="num">
              {t.table.rank}
            </th>
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
              <td className="num">{ranks.get(district.id)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t.table.totalRow(province.name)}</th>
            <Cells coverage={province.coverage} />
            <td className="num">{formatChange(province.coverage.activated - province.weekAgo.activated)}</td>
            <td />
          </tr>
        </tfoot>
      </table>
    </ScrollRegion>
  );
}
