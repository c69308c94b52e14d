import { useState } from 'react';
import { useQuery } from 'urql';
import { graphql } from '../../gql';
import { t } from '../../i18n/index.ts';
import { formatDate, formatDateTime } from '../../lib/format.ts';
import { fromQuery } from '../../lib/loadable.ts';
import { LoadableContent } from '../common/LoadableContent.tsx';
import { Panel } from '../common/Panel.tsx';
import { ScrollRegion } from '../common/ScrollRegion.tsx';

const publishedReportsDocument = graphql(`
  query PublishedReports {
    publishedReports(first: 100) {
      id
      number
      areaName
      asOf
      compare
      issuedOn
      author
      createdAt
      files {
        format
        url
      }
    }
  }
`);

const reportChangesDocument = graphql(`
  query ReportChanges($id: ID!) {
    reportChanges(id: $id) {
      text
    }
  }
`);

/** The reports already sent, each with its stored files and, on demand, what the data now says otherwise. */
export function PublishedReports() {
  const [result, reexecute] = useQuery({
    query: publishedReportsDocument,
    requestPolicy: 'cache-and-network',
  });
  const state = fromQuery(
    result,
    () => reexecute({ requestPolicy: 'network-only' }),
    (data) => data.publishedReports,
  );
  const [opened, setOpened] = useState<string | null>(null);
  return (
    <Panel title={t.reports.publishedTitle}>
      <LoadableContent state={state} isEmpty={(rows) => rows.length === 0}>
        {(rows) => (
          <ScrollRegion label={t.reports.publishedTitle}>
            <table className="data-table">
              <thead>
                <tr>
                  <th scope="col">{t.reports.number}</th>
                  <th scope="col">{t.reports.area}</th>
                  <th scope="col">{t.reports.days}</th>
                  <th scope="col">{t.reports.issued}</th>
                  <th scope="col">{t.reports.author}</th>
                  <th scope="col">{t.reports.files}</th>
                  <th scope="col">{t.reports.changes}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((report) => (
                  <tr key={report.id}>
                    <th scope="row">{report.number}</th>
                    <td>{report.areaName}</td>
                    <td>{t.reports.daysValue(formatDate(report.asOf), formatDate(report.compare))}</td>
                    <td>
                      {formatDate(report.issuedOn)}
                      <span className="subline">{formatDateTime(report.createdAt)}</span>
                    </td>
                    <td>{report.author}</td>
                    <td className="actions">
                      {report.files.map((file) => (
                        <a key={file.format} href={file.url} download className="link-button">
                          {file.format}
                        </a>
                      ))}
                    </td>
                    <td>
                      {opened === report.id ? (
                        <ReportChangesList id={report.id} />
                      ) : (
                        <button type="button" className="link-button" onClick={() => setOpened(report.id)}>
                          {t.reports.showChanges}
                        </button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        )}
      </LoadableContent>
    </Panel>
  );
}

function ReportChangesList({ id }: { id: string }) {
  const [result, reexecute] = useQuery({
    query: reportChangesDocument,
    variables: { id },
    requestPolicy: 'network-only',
  });
  const state = fromQuery(
    result,
    () => reexecute({ requestPolicy: 'network-only' }),
    (data) => data.reportChanges,
  );
  return (
    <LoadableContent state={state}>
      {(changes) =>
        changes.length === 0 ? (
          <p className="subline">{t.reports.noChanges}</p>
        ) : (
          <ul className="report-changes">
            {changes.map((change) => (
              <li key={change.text}>{change.text}</li>
            ))}
          </ul>
        )
      }
    </LoadableContent>
  );
}
