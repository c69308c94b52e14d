import { useSession } from '../auth/session.tsx';
import { AreaView } from '../components/coverage/AreaView.tsx';
import { useRootOverview } from '../components/coverage/queries.ts';
import { useAsOf } from '../lib/as-of.ts';
import { OfficerView } from './OfficerPage.tsx';

type AreaLevel = 'PROVINCE' | 'DISTRICT' | 'COMMUNE';

/** Where each role's work is: leadership the province, a district head their area, an officer their units. */
export function OverviewPage() {
  const { state } = useSession();
  const user = state.status === 'signed-in' ? state.user : null;
  if (user?.role === 'OFFICER' && user.staff) return <OfficerView staffId={user.staff.code} own />;
  const level = (user?.role === 'DISTRICT' ? (user.area?.level ?? 'DISTRICT') : 'PROVINCE') as AreaLevel;
  return <RootView level={level} />;
}

function RootView({ level }: { level: AreaLevel }) {
  const { asOf } = useAsOf();
  return <AreaView state={useRootOverview(level, asOf)} asOf={asOf} />;
}
