import { type SessionUser, useSession } from '../auth/session.tsx';
import { AreaView } from '../components/coverage/AreaView.tsx';
import { overviewOf, useAreaPage, useRootOverview } from '../components/coverage/queries.ts';
import { useAsOf } from '../lib/as-of.ts';
import { usePageGeography } from '../lib/geography.ts';
import { OfficeView } from './OfficePage.tsx';
import { OfficerView } from './OfficerPage.tsx';

/**
 * Where the account's work is, from what it is bound to rather than what it may do: an officer's
 * account their own units, an area's account (a district head's) that area, in the map it was
 * named in, an office's account the units it manages, any other the province in the map of the
 * page's day.
 */
export function OverviewPage() {
  const { state } = useSession();
  const user = state.status === 'signed-in' ? state.user : null;
  if (user?.staff) return <OfficerView staffId={user.staff.code} own />;
  if (user?.area) return <OwnAreaView area={user.area} />;
  if (user?.office) return <OfficeView officeId={user.office.code} own />;
  return <ProvinceView />;
}

function ProvinceView() {
  const { asOf } = useAsOf();
  const { geography } = usePageGeography(asOf);
  return <AreaView state={useRootOverview(geography, asOf)} asOf={asOf} />;
}

function OwnAreaView({ area }: { area: NonNullable<SessionUser['area']> }) {
  const { asOf } = useAsOf();
  const state = useAreaPage(area.code, area.geography, asOf);
  return <AreaView state={overviewOf(state)} asOf={asOf} mapFixed />;
}
