import type { Db } from '../db/client.ts';
import { getAreaByCode } from '../db/queries/areas.ts';
import { geographyOn, getGeographyByCode } from '../db/queries/geographies.ts';
import { getOfficeByCode } from '../db/queries/offices.ts';
import { getStaffByCode } from '../db/queries/staff.ts';
import type { Role } from '../db/schema/index.ts';
import { today } from '../lib/dates.ts';
import type { RefusalReason } from '../lib/errors.ts';
import { EVERYTHING } from './reach.ts';
import { MIN_PASSWORD_LENGTH } from './secrets.ts';

/*
 * The rules an account must follow, shared by `pnpm cli user …` and the GraphQL mutations, so that
 * both refuse the same things with the same words. Each problem names the field it is about.
 */

export interface AccountProblem {
  field: 'username' | 'password' | 'area' | 'geography' | 'office' | 'staff' | 'expiresInDays';
  message: string;
  /** The same for a client that words it itself. */
  reason: RefusalReason;
}

export function usernameProblem(username: string): AccountProblem | null {
  return /^[a-z0-9][a-z0-9._-]{1,39}$/.test(username)
    ? null
    : {
        field: 'username',
        message: `"${username}" is not a username: 2 to 40 lower-case letters, digits, ".", "_" or "-"`,
        reason: { code: 'USERNAME_FORMAT', args: { value: username } },
      };
}

export function passwordProblem(password: string): AccountProblem | null {
  return [...password].length >= MIN_PASSWORD_LENGTH
    ? null
    : {
        field: 'password',
        message: `The password must have at least ${MIN_PASSWORD_LENGTH} characters`,
        reason: { code: 'PASSWORD_TOO_SHORT', args: { min: MIN_PASSWORD_LENGTH } },
      };
}

export function tokenDaysProblem(days: number): AccountProblem | null {
  return Number.isInteger(days) && days >= 1 && days <= 366
    ? null
    : {
        field: 'expiresInDays',
        message: `A token lasts 1 to 366 days; got ${days}`,
        reason: { code: 'TOKEN_DAYS', args: { value: days } },
      };
}

/** What an account is bound to, by code, as the CLI and the API name it. */
export interface BindingCodes {
  area?: string | null;
  /** The geography `area` is read in; the one in force today when omitted. */
  geography?: string | null;
  office?: string | null;
  staff?: string | null;
}

/** The same binding in internal ids, as createUser stores it. */
export type Binding = { areaId?: number; officeId?: number; staffId?: number };

/**
 * The binding a role needs, by code: DISTRICT an area or an office (a BHXH cơ sở, which serves
 * communes rather than one district), OFFICER an officer, the others none.
 */
export async function bindingOf(db: Db, role: Role, codes: BindingCodes): Promise<Binding | AccountProblem> {
  const { area: areaCode, office: officeCode, staff: staffCode, geography: geographyCode } = codes;
  if (role === 'DISTRICT') {
    if (staffCode)
      return {
        field: 'staff',
        message: 'A DISTRICT account is bound to an area or an office, not an officer',
        reason: { code: 'BINDING_DISTRICT', args: {} },
      };
    if (areaCode && officeCode)
      return {
        field: 'office',
        message: 'A DISTRICT account is bound to an area or to an office, not both',
        reason: { code: 'BINDING_DISTRICT', args: {} },
      };
    if (officeCode) {
      const office = await getOfficeByCode(db, officeCode);
      if (!office)
        return {
          field: 'office',
          message: `There is no office with code "${officeCode}"`,
          reason: { code: 'NOT_FOUND', args: { what: 'office', id: officeCode } },
        };
      return { officeId: office.id };
    }
    if (!areaCode)
      return {
        field: 'area',
        message: 'A DISTRICT account needs an area or an office',
        reason: { code: 'BINDING_DISTRICT', args: {} },
      };
    // Named in the map asked for, or in force today; the account keeps that area when a later map comes.
    const geography = geographyCode
      ? await getGeographyByCode(db, geographyCode)
      : await geographyOn(db, today());
    if (!geography)
      return {
        field: 'geography',
        message: `There is no geography "${geographyCode}"`,
        reason: { code: 'NOT_FOUND', args: { what: 'geography', id: geographyCode ?? '' } },
      };
    const found = await getAreaByCode(db, areaCode, EVERYTHING, geography.id);
    if (!found)
      return {
        field: 'area',
        message: `There is no area with code "${areaCode}" in geography ${geography.code}`,
        reason: { code: 'NOT_FOUND', args: { what: 'area', id: areaCode } },
      };
    return { areaId: found.area.id };
  }
  if (role === 'OFFICER') {
    if (!staffCode)
      return {
        field: 'staff',
        message: 'An OFFICER account needs an officer',
        reason: { code: 'BINDING_OFFICER', args: {} },
      };
    if (areaCode || officeCode)
      return {
        field: areaCode ? 'area' : 'office',
        message: `An OFFICER account is bound to an officer, not ${areaCode ? 'an area' : 'an office'}`,
        reason: { code: 'BINDING_OFFICER', args: {} },
      };
    const found = await getStaffByCode(db, staffCode);
    if (!found)
      return {
        field: 'staff',
        message: `There is no officer with code "${staffCode}"`,
        reason: { code: 'NOT_FOUND', args: { what: 'officer', id: staffCode } },
      };
    return { staffId: found.id };
  }
  if (areaCode || officeCode || staffCode) {
    return {
      field: areaCode ? 'area' : officeCode ? 'office' : 'staff',
      message: `A ${role} account reaches the whole province: give no area, office or officer`,
      reason: { code: 'BINDING_WHOLE_PROVINCE', args: { role } },
    };
  }
  return {};
}

export function isProblem(value: object): value is AccountProblem {
  return 'field' in value && 'message' in value;
}
