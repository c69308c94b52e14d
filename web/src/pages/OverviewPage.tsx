import { DistrictChartPanel } from '../components/coverage/DistrictChartPanel.tsx';
import { DistrictTablePanel } from '../components/coverage/DistrictTablePanel.tsx';
import { ProvinceTilesPanel } from '../components/coverage/ProvinceTilesPanel.tsx';
import { provinceOnly, useProvinceOverview } from '../components/coverage/queries.ts';
import { PageHeading } from '../components/layout/PageHeading.tsx';
import { t } from '../i18n/index.ts';
import { formatDate } from '../lib/format.ts';

/** The province's VssID coverage today: headline tiles, districts compared, districts as a table. */
export function OverviewPage() {
  const overview = useProvinceOverview();
  const today = overview.status === 'ready' ? overview.data?.today : undefined;
  return (
    <>
      <PageHeading
        title={t.overview.title}
        subtitle={today ? t.overview.asOf(formatDate(today)) : undefined}
      />
      <ProvinceTilesPanel state={provinceOnly(overview)} />
      <DistrictChartPanel state={overview} />
      <DistrictTablePanel state={overview} />
    </>
  );
}
