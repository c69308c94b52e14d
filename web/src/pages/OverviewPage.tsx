import { useSession } from '../auth/session.tsx';
import { DistrictChartPanel } from '../components/coverage/DistrictChartPanel.tsx';
import { DistrictTablePanel } from '../components/coverage/DistrictTablePanel.tsx';
import { ProvinceTilesPanel } from '../components/coverage/ProvinceTilesPanel.tsx';
import { type PartLevel, provinceOnly, useAreaOverview } from '../components/coverage/queries.ts';
import { PageHeading } from '../components/layout/PageHeading.tsx';
import { t } from '../i18n/index.ts';
import { formatDate } from '../lib/format.ts';
import { OfficerHomePage } from './OfficerHomePage.tsx';

type AreaLevel = 'PROVINCE' | 'DISTRICT' | 'COMMUNE';

/** Where each role's work is: leadership the province, a district head their area, an officer their units. */
export function OverviewPage() {
  const { state } = useSession();
  const user = state.status === 'signed-in' ? state.user : null;
  if (user?.role === 'OFFICER') return <OfficerHomePage name={user.staff?.fullName ?? user.displayName} />;
  const level = (user?.role === 'DISTRICT' ? (user.area?.level ?? 'DISTRICT') : 'PROVINCE') as AreaLevel;
  return <AreaOverviewPage level={level} />;
}

/** An area's VssID coverage today: headline tiles, its parts compared, its parts as a table. */
function AreaOverviewPage({ level }: { level: AreaLevel }) {
  const overview = useAreaOverview(level);
  const parts: PartLevel = level === 'PROVINCE' ? 'DISTRICT' : 'COMMUNE';
  const today = overview.status === 'ready' ? overview.data?.today : undefined;
  return (
    <>
      <PageHeading
        title={t.overview.title}
        subtitle={today ? t.overview.asOf(formatDate(today)) : undefined}
      />
      <ProvinceTilesPanel state={provinceOnly(overview)} />
      <DistrictChartPanel state={overview} parts={parts} />
      <DistrictTablePanel state={overview} parts={parts} />
    </>
  );
}
