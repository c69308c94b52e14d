import { graphql } from '../../gql';
import type { RefusalReason, Role } from '../../gql/graphql.ts';
import { t } from '../../i18n/index.ts';
import { formatDateTime, formatInteger } from '../../lib/format.ts';
import { useLoadable } from '../../lib/useLoadable.ts';
import { DataTable } from '../common/DataTable.tsx';
import { LoadableContent } from '../common/LoadableContent.tsx';
import { Panel } from '../common/Panel.tsx';

const refusalsDocument = graphql(`
  query Refusals {
    refusals(first: 50) {
      totalCount
      entries {
        id
        at
        username
        role
        field
        argument
        reason
      }
    }
  }
`);

/** The newest refused reads of persons' data: who, when, through which field, what was asked and why. */
export function RefusalsPanel() {
  const state = useLoadable(refusalsDocument, {}, (data) => data.refusals, {
    requestPolicy: 'network-only',
  });
  return (
    <Panel title={t.accounts.refusalsTitle} action="access-log:read">
      <LoadableContent state={state} isEmpty={(log) => log.entries.length === 0}>
        {(log) => (
          <>
            <p className="panel__note">{t.accounts.refusalsNote(formatInteger(log.totalCount))}</p>
            <DataTable
              label={t.accounts.refusalsTitle}
              rows={log.entries}
              rowKey={(entry) => entry.id}
              prefix="r."
              download={{ what: 'tu-choi-truy-cap', of: 'tinh', asOf: null, sheet: t.accounts.refusalsTitle }}
              columns={[
                {
                  header: t.accounts.logAt,
                  cell: (entry) => formatDateTime(entry.at),
                  value: (entry) => formatDateTime(entry.at),
                  sortValue: (entry) => entry.at,
                },
                {
                  header: t.accounts.username,
                  value: (entry) => entry.username,
                  cell: (entry) => (
                    <>
                      {entry.username}{' '}
                      <span className="subline">{t.account.roles[entry.role as Role] ?? entry.role}</span>
                    </>
                  ),
                },
                {
                  header: t.accounts.logField,
                  cell: (entry) => <code>{entry.field}</code>,
                  value: (entry) => entry.field,
                },
                {
                  header: t.accounts.refusalArgument,
                  cell: (entry) => <code>{entry.argument}</code>,
                  value: (entry) => entry.argument,
                },
                {
                  header: t.accounts.refusalReason,
                  cell: (entry) => t.accounts.refusalReasons[entry.reason as RefusalReason],
                  value: (entry) => t.accounts.refusalReasons[entry.reason as RefusalReason],
                },
              ]}
            />
          </>
        )}
      </LoadableContent>
    </Panel>
  );
}
