import { useState } from 'react';
import { graphql } from '../../gql';
import { t } from '../../i18n/index.ts';
import { formatDate, formatDateTime } from '../../lib/format.ts';
import { useLoadable } from '../../lib/useLoadable.ts';
import { DataTable } from '../common/DataTable.tsx';
import { LoadableContent } from '../common/LoadableContent.tsx';
import { Panel } from '../common/Panel.tsx';

const publishedReportsDocument = graphql(`
  query PublishedReports {
    publishedReports(first: 100) {
      id
      number
      areaName
      officeName
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
  const state = useLoadable(publishedReportsDocument, {}, (data) => data.publishedReports, {
    requestPolicy: 'cache-and-network',
  });
  const [opened, setOpened] = useState<string | null>(null);
  return (
    <Panel title={t.reports.publishedTitle}>
      <LoadableContent state={state} isEmpty={(rows) => rows.length === 0}>
        {(rows) => (
          <DataTable
            label={t.reports.publishedTitle}
            rows={rows}
            rowKey={(report) => report.id}
            prefix="b."
            download={{
              what: 'bao-cao-da-phat-hanh',
              of: 'tinh',
              asOf: null,
              sheet: t.reports.publishedTitle,
            }}
            columns={[
              {
                header: t.reports.number,
                cell: (report) => report.number,
                value: (report) => report.number,
                rowHeader: true,
              },
              {
                header: t.reports.area,
                cell: (report) => report.officeName ?? report.areaName,
                value: (report) => report.officeName ?? report.areaName,
              },
              {
                header: t.reports.days,
                cell: (report) => t.reports.daysValue(formatDate(report.asOf), formatDate(report.compare)),
                value: (report) => t.reports.daysValue(formatDate(report.asOf), formatDate(report.compare)),
                sortValue: (report) => report.asOf,
              },
              {
                header: t.reports.issued,
                value: (report) => formatDate(report.issuedOn),
                sortValue: (report) => report.createdAt,
                cell: (report) => (
                  <>
                    {formatDate(report.issuedOn)}
                    <span className="subline">{formatDateTime(report.createdAt)}</span>
                  </>
                ),
              },
              { header: t.reports.author, cell: (report) => report.author, value: (report) => report.author },
              {
                header: t.reports.files,
                className: 'actions',
                cell: (report) =>
                  report.files.map((file) => (
                    <a key={file.format} href={file.url} download className="link-button">
                      {file.format}
                    </a>
                  )),
              },
              {
                header: t.reports.changes,
                cell: (report) =>
                  opened === report.id ? (
                    <ReportChangesList id={report.id} />
                  ) : (
                    <button type="button" className="link-button" onClick={() => setOpened(report.id)}>
                      {t.reports.showChanges}
                    </button>
                  ),
              },
            ]}
          />
        )}
      </LoadableContent>
    </Panel>
  );
}

function ReportChangesList({ id }: { id: string }) {
  const state = useLoadable(reportChangesDocument, { id }, (data) => data.reportChanges, {
    requestPolicy: 'network-only',
  });
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
