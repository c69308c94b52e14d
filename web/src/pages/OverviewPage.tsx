import { useSession } from '../auth/session.tsx';
import { AreaView } from '../components/coverage/AreaView.tsx';
import { useRootOverview } from '../components/coverage/queries.ts';
import { useAsOf } from '../lib/as-of.ts';
import { OfficerView } from './OfficerPage.tsx';

type AreaLevel = 'PROVINCE' | 'DISTRICT' | 'COMMUNE';

/**
 * Where the account's work is, from what it is bound to rather than what it may do: an officer's
 * account their own units, an area's account (a district head's) that area, any other the province.
 */
export function OverviewPage() {
  const { state } = useSession();
  const user = state.status === 'signed-in' ? state.user : null;
  if (user?.staff) return <OfficerView staffId={user.staff.code} own />;
  const level = (user?.area?.level ?? 'PROVINCE') as AreaLevel;
  return <RootView level={level} />;
}

function RootView({ level }: { level: AreaLevel }) {
  const { asOf } = useAsOf();
  return <AreaView state={useRootOverview(level, asOf)} asOf={asOf} />;
}
