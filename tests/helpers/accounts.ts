import type { Viewer } from '../../api/src/auth/reach.ts';
import { EVERYTHING } from '../../api/src/auth/reach.ts';
import type { Db } from '../../api/src/db/client.ts';
import { createToken, createUser } from '../../api/src/db/queries/accounts.ts';
import { getAreaByCode } from '../../api/src/db/queries/areas.ts';
import { getStaffByCode } from '../../api/src/db/queries/staff.ts';
import type { Role } from '../../api/src/db/schema/index.ts';

export const TEST_PASSWORD = 'một mật khẩu dài';

/** A real account (row, password, API token) of a role, bound to an area or officer by code. */
export async function addAccount(
  db: Db,
  account: { username: string; role: Role; area?: string; staff?: string },
): Promise<{ viewer: Viewer; token: string }> {
  const areaId = account.area ? (await getAreaByCode(db, account.area, EVERYTHING))?.area.id : undefined;
  const staffId = account.staff ? (await getStaffByCode(db, account.staff))?.id : undefined;
  const viewer = await createUser(db, {
    username: account.username,
    role: account.role,
    areaId,
    staffId,
    password: TEST_PASSWORD,
  });
  const { token } = await createToken(db, viewer.userId, 30);
  return { viewer, token };
}
