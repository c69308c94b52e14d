import { useCallback } from 'react';
import { useQuery } from 'urql';
import { graphql } from '../../gql';
import { t } from '../../i18n/index.ts';
import { formatDateTime, formatInteger } from '../../lib/format.ts';
import { fromQuery } from '../../lib/loadable.ts';
import { LoadableContent } from '../common/LoadableContent.tsx';
import { Panel } from '../common/Panel.tsx';
import { ScrollRegion } from '../common/ScrollRegion.tsx';

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
  const [result, reexecute] = useQuery({ query: auditLogDocument, requestPolicy: 'network-only' });
  const retry = useCallback(() => reexecute({ requestPolicy: 'network-only' }), [reexecute]);
  const state = fromQuery(result, retry, (data) => data.auditLog);
  return (
    <Panel title={t.recording.auditTitle}>
      <LoadableContent state={state} isEmpty={(log) => log.entries.length === 0}>
        {(log) => (
          <>
            <p className="panel__note">{t.recording.auditNote(formatInteger(log.totalCount))}</p>
            <ScrollRegion label={t.recording.auditTitle}>
              <table className="data-table">
                <thead>
                  <tr>
                    <th scope="col">{t.recording.auditWhen}</th>
                    <th scope="col">{t.recording.auditWho}</th>
                    <th scope="col">{t.recording.auditWhat}</th>
                    <th scope="col">{t.recording.auditKey}</th>
                    <th scope="col">{t.recording.auditChange}</th>
                  </tr>
                </thead>
                <tbody>
                  {log.entries.map((e) => (
                    <tr key={`${e.at}-${e.entityKey}-${e.action}`}>
                      <td>{formatDateTime(e.at)}</td>
                      <td>{e.actor}</td>
                      <td>{e.action}</td>
                      <th scope="row">{e.entityKey}</th>
                      <td>
                        {brief(e.before)} → {brief(e.after)}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollRegion>
          </>
        )}
      </LoadableContent>
    </Panel>
  );
}
