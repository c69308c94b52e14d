import type { Role } from '../db/schema/index.ts';
import type { IsoDate } from '../lib/dates.ts';

/**
 * What a caller may read, as the data layer applies it to every query:
 *  - all: the whole province (ADMIN, PROVINCE, ANALYST);
 *  - area: the units inside one area (DISTRICT bound to an area: a district head);
 *  - office: the units one office manages (DISTRICT bound to an office: a BHXH cơ sở, whose units
 *    lie in several communes, which may hold other offices' units too);
 *  - officer: the units in one officer's charge today (OFFICER); a unit handed to someone else
 *    leaves the reach on the day of the hand-over, past figures included.
 */
export type Reach =
  | { kind: 'all' }
  | { kind: 'area'; areaId: number }
  | { kind: 'office'; officeId: number }
  | { kind: 'officer'; staffId: number; today: IsoDate };

export const EVERYTHING: Reach = { kind: 'all' };

/** The account that makes a request. */
export interface Viewer {
  userId: number;
  username: string;
  displayName: string;
  role: Role;
  areaId: number | null;
  officeId: number | null;
  staffId: number | null;
}

export function reachOf(viewer: Viewer, today: IsoDate): Reach {
  switch (viewer.role) {
    case 'DISTRICT':
      return viewer.officeId !== null
        ? { kind: 'office', officeId: viewer.officeId }
        : { kind: 'area', areaId: viewer.areaId as number };
    case 'OFFICER':
      return { kind: 'officer', staffId: viewer.staffId as number, today };
    default:
      return EVERYTHING;
  }
}
