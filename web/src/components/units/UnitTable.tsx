import { Link } from 'react-router-dom';
import { t } from '../../i18n/index.ts';
import { withAsOf } from '../../lib/as-of.ts';
import { formatFraction, formatInteger } from '../../lib/format.ts';
import type { ExportColumn } from '../../lib/table-export.ts';
import type { Sort, SortValue } from '../../lib/table-params.ts';
import { RateCell } from '../common/RateBar.tsx';
import { ScrollRegion } from '../common/ScrollRegion.tsx';
import { SortHeader } from '../common/SortHeader.tsx';

/** A unit as the unit lists ask for it: the officer, the sector and the place only where the list shows them. */
export interface UnitListRow {
  id: string;
  name: string;
  sector?: string;
  officer?: { id: string; fullName: string } | null;
  district?: { name: string } | null;
  commune?: { name: string } | null;
  coverage: { target: number; activated: number; activationRate: number };
}

/** The columns a unit list can be ordered by. */
export const UNIT_SORT_KEYS = [
  'code',
  'name',
  'place',
  'sector',
  'officer',
  'target',
  'activated',
  'left',
  'rate',
] as const;
export type UnitSortKey = (typeof UNIT_SORT_KEYS)[number];

/** Which optional columns a list shows. */
export interface UnitColumns {
  showSector?: boolean;
  showOfficer?: boolean;
  /** The commune (or the district when the commune is not known). */
  showPlace?: boolean;
  /** Insured persons not yet activated. */
  showLeft?: boolean;
}

const placeOf = (unit: UnitListRow) => unit.commune?.name ?? unit.district?.name ?? null;
const leftOf = (unit: UnitListRow) => unit.coverage.target - unit.coverage.activated;

/** What a unit is ordered by in a list whose rows are all on screen. */
export function unitSortValue(unit: UnitListRow, key: UnitSortKey): SortValue {
  switch (key) {
    case 'code':
      return unit.id;
    case 'name':
      return unit.name;
    case 'place':
      return placeOf(unit);
    case 'sector':
      return unit.sector ?? null;
    case 'officer':
      return unit.officer?.fullName ?? null;
    case 'target':
      return unit.coverage.target;
    case 'activated':
      return unit.coverage.activated;
    case 'left':
      return leftOf(unit);
    case 'rate':
      return unit.coverage.activationRate;
  }
}

/** The columns of a unit list's downloaded file: the table's, with the codes and names in full. */
export function unitExportColumns(show: UnitColumns): ExportColumn<UnitListRow>[] {
  const columns: (ExportColumn<UnitListRow> | false | undefined)[] = [
    { header: t.officer.code, value: (u) => u.id, text: true },
    { header: t.officer.unit, value: (u) => u.name, text: true },
    show.showPlace && { header: t.units.place, value: placeOf, text: true },
    show.showSector && { header: t.unit.sector, value: (u) => u.sector ?? '', text: true },
    show.showOfficer && {
      header: t.units.officer,
      value: (u) => u.officer?.fullName ?? t.units.noOfficer,
      text: true,
    },
    { header: t.table.target, value: (u) => u.coverage.target },
    { header: t.table.activated, value: (u) => u.coverage.activated },
    show.showLeft && { header: t.table.notActivated, value: leftOf },
    { header: t.table.activationRate, value: (u) => u.coverage.activationRate, percent: true },
  ];
  return columns.filter((c): c is ExportColumn<UnitListRow> => Boolean(c));
}

interface UnitTableProps extends UnitColumns {
  label: string;
  rows: readonly UnitListRow[];
  asOf: string | null;
  /** Activated written "12 / 40" (an officer's own units) rather than alone. */
  activatedOutOfTarget?: boolean;
  sort: Sort<UnitSortKey>;
  onSort: (key: UnitSortKey) => void;
  /** The columns that can be ordered by (a list the server orders cannot order by every one). */
  sortable?: readonly UnitSortKey[];
}

/** Units with their figures, each name a link to the unit's page on the same day. */
export function UnitTable({
  label,
  rows,
  asOf,
  showSector,
  showOfficer,
  showPlace,
  showLeft,
  activatedOutOfTarget,
  sort,
  onSort,
  sortable = UNIT_SORT_KEYS,
}: UnitTableProps) {
  const heading = (key: UnitSortKey, text: string, numeric?: boolean) =>
    sortable.includes(key) ? (
      <SortHeader label={text} sortKey={key} sort={sort} onSort={onSort} numeric={numeric} />
    ) : (
      <th scope="col" className={numeric ? 'num' : undefined}>
        {text}
      </th>
    );
  return (
    <ScrollRegion label={label}>
      <table className="data-table">
        <thead>
          <tr>
            {heading('code', t.officer.code)}
            {heading('name', t.officer.unit)}
            {showPlace && heading('place', t.units.place)}
            {showSector && heading('sector', t.unit.sector)}
            {showOfficer && heading('officer', t.units.officer)}
            {heading('target', t.table.target, true)}
            {heading('activated', t.table.activated, true)}
            {showLeft && heading('left', t.table.notActivated, true)}
            {heading('rate', t.table.activationRate, true)}
          </tr>
        </thead>
        <tbody>
          {rows.map((unit) => (
            <tr key={unit.id}>
              <td>{unit.id}</td>
              <th scope="row">
                <Link to={withAsOf(`/units/${unit.id}`, asOf)}>{unit.name}</Link>
              </th>
              {showPlace && <td>{placeOf(unit) ?? ''}</td>}
              {showSector && <td>{unit.sector}</td>}
              {showOfficer && (
                <td>
                  {unit.officer ? (
                    <Link to={withAsOf(`/officers/${unit.officer.id}`, asOf)}>{unit.officer.fullName}</Link>
                  ) : (
                    t.units.noOfficer
                  )}
                </td>
              )}
              <td className="num">{formatInteger(unit.coverage.target)}</td>
              <td className="num">
                {activatedOutOfTarget
                  ? formatFraction(unit.coverage.activated, unit.coverage.target)
                  : formatInteger(unit.coverage.activated)}
              </td>
              {showLeft && <td className="num">{formatInteger(leftOf(unit))}</td>}
              <RateCell ratio={unit.coverage.activationRate} />
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
