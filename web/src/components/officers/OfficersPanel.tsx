import { Link } from 'react-router-dom';
import type { Scope } from '../../gql/graphql.ts';
import { t } from '../../i18n/index.ts';
import { withAsOf } from '../../lib/as-of.ts';
import { formatFraction, formatInteger, formatPercent, ratio } from '../../lib/format.ts';
import { mapLoadable } from '../../lib/loadable.ts';
import { competitionRanks } from '../../lib/rank.ts';
import { LoadableContent } from '../common/LoadableContent.tsx';
import { Panel } from '../common/Panel.tsx';
import { RateBar } from '../common/RateBar.tsx';
import { ScrollRegion } from '../common/ScrollRegion.tsx';
import { NO_OFFICER, useScopePeople } from './queries.ts';

/**
 * The officers in charge of the scope's units on the day, best activation rate first, each a link to
 * their page; the units nobody was in charge of form a last row. The rows add up to the footer.
 */
export function OfficersPanel({ scope, asOf }: { scope: Scope; asOf: string | null }) {
  const state = mapLoadable(useScopePeople(scope, asOf), (data) => data.officers);
  return (
    <Panel title={t.officers.title}>
      <LoadableContent state={state} isEmpty={(rows) => rows.length === 0}>
        {(rows) => {
          const named = rows
            .filter((r) => r.key !== NO_OFFICER)
            .sort(
              (a, b) =>
                b.coverage.activationRate - a.coverage.activationRate || a.label.localeCompare(b.label, 'vi'),
            );
          const nobody = rows.find((r) => r.key === NO_OFFICER);
          const ranks = competitionRanks(
            named,
            (r) => r.key,
            (r) => r.coverage.activationRate,
          );
          const sum = (pick: (c: (typeof rows)[number]['coverage']) => number) =>
            rows.reduce((n, r) => n + pick(r.coverage), 0);
          const total = {
            units: sum((c) => c.units),
            unitsContacted: sum((c) => c.unitsContacted),
            target: sum((c) => c.target),
            registered: sum((c) => c.registered),
            activated: sum((c) => c.activated),
          };
          return (
            <ScrollRegion label={t.officers.title}>
              <table className="data-table">
                <thead>
                  <tr>
                    <th scope="col">{t.officers.officer}</th>
                    <th scope="col" className="num">
                      {t.officers.units}
                    </th>
                    <th scope="col" className="num">
                      {t.table.unitsContacted}
                    </th>
                    <th scope="col" className="num">
                      {t.table.target}
                    </th>
                    <th scope="col" className="num">
                      {t.table.registered}
                    </th>
                    <th scope="col" className="num">
                      {t.table.activated}
                    </th>
                    <th scope="col" className="num">
                      {t.table.activationRate}
                    </th>
                    <th scope="col" className="num">
                      {t.table.rank}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {[...named, ...(nobody ? [nobody] : [])].map((row) => (
                    <tr key={row.key}>
                      <th scope="row">
                        {row.key === NO_OFFICER ? (
                          t.officers.nobody
                        ) : (
                          <Link to={withAsOf(`/officers/${row.key}`, asOf)}>{row.label}</Link>
                        )}
                      </th>
                      <td className="num">{formatInteger(row.coverage.units)}</td>
                      <td className="num">
                        {formatFraction(row.coverage.unitsContacted, row.coverage.units)}
                      </td>
                      <td className="num">{formatInteger(row.coverage.target)}</td>
                      <td className="num">{formatInteger(row.coverage.registered)}</td>
                      <td className="num">{formatInteger(row.coverage.activated)}</td>
                      <td className="num">
                        <span className="rate-cell">
                          <RateBar ratio={row.coverage.activationRate} />
                          <span className="rate-cell__value">
                            {formatPercent(row.coverage.activationRate)}
                          </span>
                        </span>
                      </td>
                      <td className="num">{ranks.get(row.key) ?? ''}</td>
                    </tr>
                  ))}
                </tbody>
                <tfoot>
                  <tr>
                    <th scope="row">{t.officers.total}</th>
                    <td className="num">{formatInteger(total.units)}</td>
                    <td className="num">{formatFraction(total.unitsContacted, total.units)}</td>
                    <td className="num">{formatInteger(total.target)}</td>
                    <td className="num">{formatInteger(total.registered)}</td>
                    <td className="num">{formatInteger(total.activated)}</td>
                    <td className="num">{formatPercent(ratio(total.activated, total.target))}</td>
                    <td />
                  </tr>
                </tfoot>
              </table>
            </ScrollRegion>
          );
        }}
      </LoadableContent>
    </Panel>
  );
}
