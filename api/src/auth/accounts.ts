import type { Db } from '../db/client.ts';
import { getAreaByCode } from '../db/queries/areas.ts';
import { geographyOn, getGeographyByCode } from '../db/queries/geographies.ts';
import { getStaffByCode } from '../db/queries/staff.ts';
import type { Role } from '../db/schema/index.ts';
import { today } from '../lib/dates.ts';
import { EVERYTHING } from './reach.ts';
import { MIN_PASSWORD_LENGTH } from './secrets.ts';

/*
 * The rules an account must follow, shared by `pnpm cli user …` and the GraphQL mutations, so that
 * both refuse the same things with the same words. Each problem names the field it is about.
 */

export interface AccountProblem {
  field: 'username' | 'password' | 'area' | 'geography' | 'staff' | 'expiresInDays';
  message: string;
}

export function usernameProblem(username: string): AccountProblem | null {
  return /^[a-z0-9][a-z0-9._-]{1,39}$/.test(username)
    ? null
    : {
        field: 'username',
        message: `"${username}" is not a username: 2 to 40 lower-case letters, digits, ".", "_" or "-"`,
      };
}

export function passwordProblem(password: string): AccountProblem | null {
  return [...password].length >= MIN_PASSWORD_LENGTH
    ? null
    : { field: 'password', message: `The password must have at least ${MIN_PASSWORD_LENGTH} characters` };
}

export function tokenDaysProblem(days: number): AccountProblem | null {
  return Number.isInteger(days) && days >= 1 && days <= 366
    ? null
    : { field: 'expiresInDays', message: `A token lasts 1 to 366 days; got ${days}` };
}

/** The area or officer a role needs, by code: DISTRICT needs an area, OFFICER an officer, the others neither. */
export async function bindingOf(
  db: Db,
  role: Role,
  areaCode?: string | null,
  staffCode?: string | null,
  geographyCode?: string | null,
): Promise<{ areaId?: number; staffId?: number } | AccountProblem> {
  if (role === 'DISTRICT') {
    if (!areaCode) return { field: 'area', message: 'A DISTRICT account needs an area' };
    if (staffCode)
      return { field: 'staff', message: 'A DISTRICT account is bound to an area, not an officer' };
    // Named in the map asked for, or in force today; the account keeps that area when a later map comes.
    const geography = geographyCode
      ? await getGeographyByCode(db, geographyCode)
      : await geographyOn(db, today());
    if (!geography) return { field: 'geography', message: `There is no geography "${geographyCode}"` };
    const found = await getAreaByCode(db, areaCode, EVERYTHING, geography.id);
    if (!found)
      return {
        field: 'area',
        message: `There is no area with code "${areaCode}" in geography ${geography.code}`,
      };
    return { areaId: found.area.id };
  }
  if (role === 'OFFICER') {
    if (!staffCode) return { field: 'staff', message: 'An OFFICER account needs an officer' };
    if (areaCode) return { field: 'area', message: 'An OFFICER account is bound to an officer, not an area' };
    const found = await getStaffByCode(db, staffCode);
    if (!found) return { field: 'staff', message: `There is no officer with code "${staffCode}"` };
    return { staffId: found.id };
  }
  if (areaCode || staffCode) {
    return {
      field: areaCode ? 'area' : 'staff',
      message: `A ${role} account reaches the whole province: give no area or officer`,
    };
  }
  return {};
}

export function isProblem(value: object): value is AccountProblem {
  return 'field' in value && 'message' in value;
}
