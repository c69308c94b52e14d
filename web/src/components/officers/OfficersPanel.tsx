import { Link } from 'react-router-dom';
import type { Scope } from '../../gql/graphql.ts';
import { t } from '../../i18n/index.ts';
import { withAsOf } from '../../lib/as-of.ts';
import { mapLoadable } from '../../lib/loadable.ts';
import { LoadableContent } from '../common/LoadableContent.tsx';
import { Panel } from '../common/Panel.tsx';
import { BreakdownTable } from '../coverage/BreakdownTable.tsx';
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
        {(rows) => (
          <BreakdownTable
            rows={rows}
            label={t.officers.title}
            partName={t.officers.officer}
            restKey={NO_OFFICER}
            prefix="o."
            file={{ what: 'can-bo', of: String(scope.areaId ?? scope.officeId ?? scope.staffId ?? 'tinh') }}
            asOf={asOf}
            nameOf={(row) =>
              row.key === NO_OFFICER ? (
                t.officers.nobody
              ) : (
                <Link to={withAsOf(`/officers/${row.key}`, asOf)}>{row.label}</Link>
              )
            }
          />
        )}
      </LoadableContent>
    </Panel>
  );
}
