import { graphql } from '../../gql';
import { t } from '../../i18n/index.ts';
import { formatDateTime, formatInteger } from '../../lib/format.ts';
import { useLoadable } from '../../lib/useLoadable.ts';
import { DataTable } from '../common/DataTable.tsx';
import { LoadableContent } from '../common/LoadableContent.tsx';
import { Panel } from '../common/Panel.tsx';

const auditLogDocument = graphql(`
  query AuditLog {
    auditLog(first: 100) {
      totalCount
      entries {
        at
        actor
        action
        entityKey
        before
        after
      }
    }
  }
`);

/** A record before and after, compactly: {"date":"2021-11-20"} → 2021-11-20. */
function brief(json: string | null | undefined): string {
  if (!json) return '–';
  const value = JSON.parse(json) as Record<string, unknown>;
  return Object.values(value)
    .filter((v) => v !== null)
    .map((v) => (Array.isArray(v) ? v.join(', ') : String(v)))
    .join(' · ');
}

/** The newest changes recorded through the API, for administrators. */
export function AuditLogPanel() {
  const state = useLoadable(auditLogDocument, {}, (data) => data.auditLog, { requestPolicy: 'network-only' });
  return (
    <Panel title={t.recording.auditTitle} action="audit-log:read">
      <LoadableContent state={state} isEmpty={(log) => log.entries.length === 0}>
        {(log) => (
          <>
            <p className="panel__note">{t.recording.auditNote(formatInteger(log.totalCount))}</p>
            <DataTable
              label={t.recording.auditTitle}
              rows={log.entries}
              rowKey={(e) => `${e.at}-${e.entityKey}-${e.action}`}
              prefix="g."
              download={{ what: 'nhat-ky-ghi-nhan', of: 'tinh', asOf: null, sheet: t.recording.auditTitle }}
              columns={[
                {
                  header: t.recording.auditWhen,
                  cell: (e) => formatDateTime(e.at),
                  value: (e) => formatDateTime(e.at),
                  sortValue: (e) => e.at,
                },
                { header: t.recording.auditWho, cell: (e) => e.actor, value: (e) => e.actor },
                { header: t.recording.auditWhat, cell: (e) => e.action, value: (e) => e.action },
                {
                  header: t.recording.auditKey,
                  cell: (e) => e.entityKey,
                  value: (e) => e.entityKey,
                  rowHeader: true,
                },
                {
                  header: t.recording.auditChange,
                  cell: (e) => `${brief(e.before)} → ${brief(e.after)}`,
                  value: (e) => `${brief(e.before)} → ${brief(e.after)}`,
                },
              ]}
            />
          </>
        )}
      </LoadableContent>
    </Panel>
  );
}
