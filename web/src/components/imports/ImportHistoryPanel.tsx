import { graphql } from '../../gql';
import type { ImportHistoryQuery } from '../../gql/graphql.ts';
import { t } from '../../i18n/index.ts';
import { formatDateTime, formatInteger } from '../../lib/format.ts';
import type { Loadable } from '../../lib/loadable.ts';
import { useLoadable } from '../../lib/useLoadable.ts';
import { DataTable } from '../common/DataTable.tsx';
import { LoadableContent } from '../common/LoadableContent.tsx';
import { Panel } from '../common/Panel.tsx';
import type { Kind } from './send-file.ts';

const importHistoryDocument = graphql(`
  query ImportHistory {
    imports(first: 20) {
      id
      kind
      fileName
      username
      osUser
      finishedAt
      rowsRead
      rowsWritten
      rowsRejected
      warnings
      outcome
    }
  }
`);

/** An import's author: the account, or the operating-system user of `pnpm cli`. */
const whoOf = (node: { username?: string | null; osUser?: string | null }) =>
  node.username ?? `cli:${node.osUser ?? ''}`;

/** The newest imports, asked afresh each time: an upload (over HTTP, not GraphQL) is one the cache cannot know of. */
export function useImportHistory({ pause }: { pause: boolean }) {
  return useLoadable(importHistoryDocument, {}, (data) => data.imports, {
    requestPolicy: 'network-only',
    pause,
  });
}

/** Who imported which file when, how many rows it had, how many were written or refused. */
export function ImportHistoryPanel({ state }: { state: Loadable<ImportHistoryQuery['imports']> }) {
  return (
    <Panel title={t.imports.historyTitle} action="imports:read">
      <LoadableContent state={state} isEmpty={(rows) => rows.length === 0}>
        {(rows) => (
          <DataTable
            label={t.imports.historyTitle}
            rows={rows}
            rowKey={(node) => node.id}
            prefix="i."
            download={{ what: 'lich-su-nhap', of: 'tinh', asOf: null, sheet: t.imports.historyTitle }}
            columns={[
              {
                header: t.imports.when,
                cell: (node) => formatDateTime(node.finishedAt),
                value: (node) => formatDateTime(node.finishedAt),
                sortValue: (node) => node.finishedAt,
              },
              {
                header: t.imports.who,
                cell: (node) => whoOf(node),
                value: (node) => whoOf(node),
              },
              {
                header: t.imports.kind,
                cell: (node) => t.imports.kinds[node.kind.toLowerCase() as Kind],
                value: (node) => t.imports.kinds[node.kind.toLowerCase() as Kind],
              },
              {
                header: t.imports.file,
                cell: (node) => node.fileName,
                value: (node) => node.fileName,
                rowHeader: true,
              },
              {
                header: t.imports.rowsRead,
                cell: (node) => formatInteger(node.rowsRead),
                value: (node) => node.rowsRead,
                numeric: true,
              },
              {
                header: t.imports.rowsWritten,
                cell: (node) => formatInteger(node.rowsWritten),
                value: (node) => node.rowsWritten,
                numeric: true,
              },
              {
                header: t.imports.rowsRejected,
                cell: (node) => formatInteger(node.rowsRejected),
                value: (node) => node.rowsRejected,
                numeric: true,
              },
              {
                header: t.imports.outcome,
                cell: (node) => t.imports.outcomes[node.outcome],
                value: (node) => t.imports.outcomes[node.outcome],
              },
            ]}
          />
        )}
      </LoadableContent>
    </Panel>
  );
}
