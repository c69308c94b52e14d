import type { Viewer } from '../../api/src/auth/reach.ts';
import { EVERYTHING } from '../../api/src/auth/reach.ts';
import type { Db } from '../../api/src/db/client.ts';
import { createToken, createUser } from '../../api/src/db/queries/accounts.ts';
import { getAreaByCode } from '../../api/src/db/queries/areas.ts';
import { getOfficeByCode } from '../../api/src/db/queries/offices.ts';
import { getStaffByCode } from '../../api/src/db/queries/staff.ts';
import type { Role } from '../../api/src/db/schema/index.ts';
import { firstGeographyId } from './database.ts';

export const TEST_PASSWORD = 'một mật khẩu dài';

/** A real account (row, password, API token) of a role, bound to an area, office or officer by code. */
export async function addAccount(
  db: Db,
  account: { username: string; role: Role; area?: string; office?: string; staff?: string },
): Promise<{ viewer: Viewer; token: string }> {
  const areaId = account.area
    ? (await getAreaByCode(db, account.area, EVERYTHING, await firstGeographyId(db)))?.area.id
    : undefined;
  const officeId = account.office ? (await getOfficeByCode(db, account.office))?.id : undefined;
  const staffId = account.staff ? (await getStaffByCode(db, account.staff))?.id : undefined;
  const viewer = await createUser(db, {
    username: account.username,
    role: account.role,
    areaId,
    officeId,
    staffId,
    password: TEST_PASSWORD,
  });
  const { token } = await createToken(db, viewer.userId, 30);
  return { viewer, token };
}

/** One account of each kind on the hand-made data (hand-made.ts): every role, both districts, two officers. */
export const HAND_MADE_ACCOUNTS = {
  admin: { username: 'admin', role: 'ADMIN' },
  province: { username: 'tinh', role: 'PROVINCE' },
  analyst: { username: 'phantich', role: 'ANALYST' },
  d901: { username: 'huyen901', role: 'DISTRICT', area: '901' },
  d902: { username: 'huyen902', role: 'DISTRICT', area: '902' },
  s2: { username: 'canbo2', role: 'OFFICER', staff: 'S2' },
  s1: { username: 'canbo1', role: 'OFFICER', staff: 'S1' },
} as const satisfies Record<string, Parameters<typeof addAccount>[1]>;

export type HandMadeAccount = keyof typeof HAND_MADE_ACCOUNTS;

/** Creates the named accounts of HAND_MADE_ACCOUNTS; resolves with each one's viewer. */
export async function addHandMadeAccounts<Who extends HandMadeAccount>(
  db: Db,
  who: readonly Who[],
): Promise<Record<Who, Viewer>> {
  const viewers = {} as Record<Who, Viewer>;
  for (const name of who) viewers[name] = (await addAccount(db, HAND_MADE_ACCOUNTS[name])).viewer;
  return viewers;
}
