import { graphql } from '../../gql';
import type { Role } from '../../gql/graphql.ts';
import { t } from '../../i18n/index.ts';
import { formatDateTime, formatInteger } from '../../lib/format.ts';
import { useLoadable } from '../../lib/useLoadable.ts';
import { DataTable } from '../common/DataTable.tsx';
import { LoadableContent } from '../common/LoadableContent.tsx';
import { Panel } from '../common/Panel.tsx';

const accessLogDocument = graphql(`
  query AccessLog {
    accessLog(first: 50) {
      totalCount
      entries {
        id
        at
        username
        role
        personIds
        field
        kind
        rows
      }
    }
  }
`);

/** The newest reads of persons' data and downloads of lists of persons: who, when, how many persons, through which field. */
export function AccessLogPanel() {
  const state = useLoadable(accessLogDocument, {}, (data) => data.accessLog, {
    requestPolicy: 'network-only',
  });
  return (
    <Panel title={t.accounts.logTitle} action="access-log:read">
      <LoadableContent state={state} isEmpty={(log) => log.entries.length === 0}>
        {(log) => (
          <>
            <p className="panel__note">{t.accounts.logNote(formatInteger(log.totalCount))}</p>
            <DataTable
              label={t.accounts.logTitle}
              rows={log.entries}
              rowKey={(entry) => entry.id}
              prefix="a."
              download={{ what: 'nhat-ky-truy-cap', of: 'tinh', asOf: null, sheet: t.accounts.logTitle }}
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
                  header: t.accounts.logKind,
                  cell: (entry) => t.accounts.logKinds[entry.kind] ?? entry.kind,
                  value: (entry) => t.accounts.logKinds[entry.kind] ?? entry.kind,
                },
                {
                  header: t.accounts.logField,
                  cell: (entry) => <code>{entry.field}</code>,
                  value: (entry) => entry.field,
                },
                {
                  header: t.accounts.logPersons,
                  cell: (entry) => formatInteger(entry.rows),
                  value: (entry) => entry.rows,
                  numeric: true,
                },
              ]}
            />
          </>
        )}
      </LoadableContent>
    </Panel>
  );
}
