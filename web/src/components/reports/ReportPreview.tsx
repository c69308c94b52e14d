import { useMutation } from 'urql';
import { useCan } from '../../auth/session.tsx';
import { graphql } from '../../gql';
import { t } from '../../i18n/index.ts';
import { formatDate } from '../../lib/format.ts';
import { errorMessage } from '../../lib/loadable.ts';
import { useLoadable } from '../../lib/useLoadable.ts';
import { LoadableContent } from '../common/LoadableContent.tsx';
import { Panel } from '../common/Panel.tsx';
import type { ReportChoice } from './ReportForm.tsx';
import { ReportTableView } from './ReportTableView.tsx';
import { downloadFields, downloadUrl } from './report-days.ts';

const reportPreviewDocument = graphql(`
  query ReportPreview($areaId: ID, $asOf: Date!, $compare: Date, $geography: ID, $notes: String) {
    report(areaId: $areaId, asOf: $asOf, compare: $compare, geography: $geography, notes: $notes) {
      title
      areaCode
      areaName
      officeName
      geography
      asOf
      compare
      narrative
      notes {
        heading
        paragraphs
      }
      summary {
        ...ReportTableFields
      }
      tables {
        key
        ...ReportTableFields
      }
    }
  }
`);

const publishReportDocument = graphql(`
  mutation PublishReport($areaId: ID, $asOf: Date!, $compare: Date, $geography: ID, $notes: String) {
    publishReport(areaId: $areaId, asOf: $asOf, compare: $compare, geography: $geography, notes: $notes) {
      id
      number
    }
  }
`);

const FORMATS = ['docx', 'pdf', 'xlsx'] as const;

/** The report as it would be sent: its narrative and tables, its downloads, and Publish for those allowed. */
export function ReportPreview({
  choice,
  onPublished,
}: {
  choice: ReportChoice;
  onPublished: (number: string) => void;
}) {
  const can = useCan();
  const variables = {
    areaId: choice.area,
    asOf: choice.asOf,
    compare: choice.compare,
    geography: choice.geography,
    notes: choice.notes ?? null,
  };
  const state = useLoadable(reportPreviewDocument, variables, (data) => data.report);
  const [publishing, publish] = useMutation(publishReportDocument);

  return (
    <Panel title={t.reports.previewTitle}>
      <LoadableContent state={state}>
        {(report) => (
          <article className="report-preview" lang="vi">
            <header className="report-preview__head">
              <p className="report-preview__kind">{t.reports.documentKind}</p>
              <h2 className="report-preview__title">{report.title}</h2>
              <p className="report-preview__scope">
                {t.reports.scopeLine(
                  report.officeName ?? report.areaName,
                  formatDate(report.asOf),
                  formatDate(report.compare),
                )}
              </p>
            </header>
            <div className="report-actions">
              {FORMATS.map((format) =>
                // Notes may be too long for an address: then the file is asked for by a form post.
                variables.notes ? (
                  <form
                    key={format}
                    method="post"
                    action="/reports/download"
                    className="report-actions__form"
                  >
                    {Object.entries(downloadFields(report, format, variables.notes)).map(([name, value]) => (
                      <input key={name} type="hidden" name={name} value={value} />
                    ))}
                    <button
                      type="submit"
                      className="button"
                      aria-label={t.reports.downloadLabel(format.toUpperCase())}
                    >
                      {t.reports.download(format.toUpperCase())}
                    </button>
                  </form>
                ) : (
                  <a
                    key={format}
                    className="button"
                    href={downloadUrl(report, format)}
                    download
                    aria-label={t.reports.downloadLabel(format.toUpperCase())}
                  >
                    {t.reports.download(format.toUpperCase())}
                  </a>
                ),
              )}
              {can('report:publish') && (
                <button
                  type="button"
                  className="button button--primary"
                  data-action="report:publish"
                  disabled={publishing.fetching}
                  onClick={async () => {
                    if (!window.confirm(t.reports.publishConfirm)) return;
                    const outcome = await publish(variables);
                    if (outcome.data) onPublished(outcome.data.publishReport.number);
                  }}
                >
                  {publishing.fetching ? t.reports.publishing : t.reports.publish}
                </button>
              )}
            </div>
            {publishing.error && (
              <p className="field-error" role="alert">
                {errorMessage(publishing.error)}
              </p>
            )}
            {report.narrative.map((paragraph) => (
              <p key={paragraph} className="report-preview__paragraph">
                {paragraph}
              </p>
            ))}
            <ReportTableView table={report.summary} />
            {report.notes.map((section) => (
              <section key={`${section.heading}-${section.paragraphs[0]}`} className="report-preview__notes">
                {section.heading && <h3 className="report-preview__heading">{section.heading}</h3>}
                {section.paragraphs.map((paragraph) => (
                  <p key={paragraph} className="report-preview__paragraph">
                    {paragraph}
                  </p>
                ))}
              </section>
            ))}
            {report.tables.map((table) => (
              <ReportTableView key={table.key} table={table} />
            ))}
          </article>
        )}
      </LoadableContent>
    </Panel>
  );
}
