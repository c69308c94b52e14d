import { Link } from 'react-router-dom';
import { t } from '../../i18n/index.ts';
import { withAsOf } from '../../lib/as-of.ts';
import { formatFraction, formatInteger } from '../../lib/format.ts';
import { RateCell } from '../common/RateBar.tsx';
import { ScrollRegion } from '../common/ScrollRegion.tsx';

/** A unit as the unit lists ask for it: the officer and the sector only where the list shows them. */
export interface UnitListRow {
  id: string;
  name: string;
  sector?: string;
  officer?: { id: string; fullName: string } | null;
  coverage: { target: number; activated: number; activationRate: number };
}

interface UnitTableProps {
  label: string;
  rows: UnitListRow[];
  asOf: string | null;
  showSector?: boolean;
  showOfficer?: boolean;
  /** Activated written "12 / 40" (an officer's own units) rather than alone. */
  activatedOutOfTarget?: boolean;
}

/** Units with their figures, each name a link to the unit's page on the same day. */
export function UnitTable({
  label,
  rows,
  asOf,
  showSector,
  showOfficer,
  activatedOutOfTarget,
}: UnitTableProps) {
  return (
    <ScrollRegion label={label}>
      <table className="data-table">
        <thead>
          <tr>
            <th scope="col">{t.officer.code}</th>
            <th scope="col">{t.officer.unit}</th>
            {showSector && <th scope="col">{t.unit.sector}</th>}
            {showOfficer && <th scope="col">{t.units.officer}</th>}
            <th scope="col" className="num">
              {t.table.target}
            </th>
            <th scope="col" className="num">
              {t.table.activated}
            </th>
            <th scope="col" className="num">
              {t.table.activationRate}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((unit) => (
            <tr key={unit.id}>
              <td>{unit.id}</td>
              <th scope="row">
                <Link to={withAsOf(`/units/${unit.id}`, asOf)}>{unit.name}</Link>
              </th>
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
              <RateCell ratio={unit.coverage.activationRate} />
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
