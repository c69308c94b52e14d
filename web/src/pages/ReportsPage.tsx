import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { useCan, useSession } from '../auth/session.tsx';
import { Panel } from '../components/common/Panel.tsx';
import { PageHeading } from '../components/layout/PageHeading.tsx';
import { PublishedReports } from '../components/reports/PublishedReports.tsx';
import { type ReportChoice, ReportForm } from '../components/reports/ReportForm.tsx';
import { ReportPreview } from '../components/reports/ReportPreview.tsx';
import { t } from '../i18n/index.ts';
import { useTabText } from '../lib/useTabText.ts';

/**
 * `/reports`: the progress report for the Tỉnh ủy and UBND tỉnh. The choice lives in the URL
 * (`?area=568&geography=KH-2021&asOf=2021-09-30&compare=2021-08-31`) so that a preview can be shared
 * as a link.
 */
export function ReportsPage() {
  const { state } = useSession();
  const can = useCan();
  const [params, setParams] = useSearchParams();
  const [published, setPublished] = useState<{ number: string; count: number } | null>(null);
  // The notes are not in the address (see ReportChoice) but survive a reload of the tab.
  const [notes, setNotes] = useTabText('vssid.report-notes');
  const asOf = params.get('asOf');
  const choice: ReportChoice | null = asOf
    ? {
        area: params.get('area'),
        asOf,
        compare: params.get('compare'),
        geography: params.get('geography'),
        notes,
      }
    : null;
  const user = state.status === 'signed-in' ? state.user : null;
  // An account bound to an area reports on that area: where its work is, not a rule of who may.
  const fixedArea = user?.area ?? null;

  if (!can('report:read'))
    return (
      <>
        <PageHeading title={t.reports.title} />
        <p className="state-message">{t.reports.notForRole}</p>
      </>
    );

  return (
    <>
      <PageHeading title={t.reports.title} subtitle={t.reports.subtitle} />
      <Panel title={t.reports.formTitle}>
        <ReportForm
          initial={choice ?? {}}
          fixedArea={fixedArea}
          fixedOffice={user?.office ?? null}
          onSubmit={(next) => {
            const query = new URLSearchParams({ asOf: next.asOf });
            if (next.compare) query.set('compare', next.compare);
            if (next.area) query.set('area', next.area);
            if (next.geography) query.set('geography', next.geography);
            setNotes(next.notes ?? null);
            setParams(query);
          }}
        />
      </Panel>
      {published && (
        <div className="notice notice--ok" role="status">
          <p>{t.reports.published(published.number)}</p>
        </div>
      )}
      {choice && (
        <ReportPreview
          choice={choice}
          onPublished={(number) => setPublished({ number, count: (published?.count ?? 0) + 1 })}
        />
      )}
      <PublishedReports key={published?.count ?? 0} />
    </>
  );
}
