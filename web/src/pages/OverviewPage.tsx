import { DistrictChartPanel } from '../components/coverage/DistrictChartPanel.tsx';
import { DistrictTablePanel } from '../components/coverage/DistrictTablePanel.tsx';
import { ProvinceTilesPanel } from '../components/coverage/ProvinceTilesPanel.tsx';
import { useDistrictCoverage, useProvinceCoverage } from '../components/coverage/queries.ts';
import { PageHeading } from '../components/layout/PageHeading.tsx';
import { t } from '../i18n/index.ts';
import { formatDate } from '../lib/format.ts';

/** The province's VssID coverage today: headline tiles, districts compared, districts as a table. */
export function OverviewPage() {
  const province = useProvinceCoverage();
  const districts = useDistrictCoverage(province);
  return (
    <>
      <PageHeading title={t.overview.title} subtitle={t.overview.asOf(formatDate(new Date()))} />
      <ProvinceTilesPanel state={province} />
      <DistrictChartPanel state={districts} />
      <DistrictTablePanel state={districts} />
    </>
  );
}
