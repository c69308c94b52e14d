import { sql } from 'drizzle-orm';
import type { Reach } from '../auth/reach.ts';
import type { Db } from '../db/client.ts';
import { type AreaRow, getAreaByCode, getAreasByIds, listRootAreas } from '../db/queries/areas.ts';
import {
  type GeographyRef,
  geographyOn,
  getGeographiesByIds,
  getGeographyByCode,
} from '../db/queries/geographies.ts';
import { getOfficeByCode, getOfficesByIds, type OfficeRow } from '../db/queries/offices.ts';
import { canReadArea } from '../db/queries/scope.ts';
import { addDays, type IsoDate, parseUserDate } from '../lib/dates.ts';
import { BadInputError, ForbiddenError, NotFoundError } from '../lib/errors.ts';
import { formatDate } from './format.ts';
import { type NoteSection, parseNotes } from './notes.ts';

/** A report as asked for, checked: an area the caller may read, and two real days in order. */
export interface ReportRequest {
  /** For an office's report, the province of the report's map. */
  area: AreaRow;
  /** The office whose units the report counts, instead of an area's (an office's account's report). */
  office: { id: number; code: string; name: string } | null;
  /** The geography the area is read in, and the report made in. */
  geography: { code: string; name: string };
  asOf: IsoDate;
  compare: IsoDate;
  /** What the figures cannot say, as the office wrote it; none when empty. */
  notes: NoteSection[];
  reach: Reach;
}

/** What the caller wrote (GraphQL arguments, query-string parameters or command-line options). */
export interface ReportInput {
  areaCode?: string | null;
  /**
   * The office whose units the report counts, to make a published office report again; an office's
   * account asking for no area gets its own office's.
   */
  officeCode?: string | null;
  /** The geography's code; by default the caller's own area's, or the one in force on asOf. */
  geography?: string | null;
  asOf: string;
  compare?: string | null;
  /** The notes' text (reports/notes.ts: "# " headings, one paragraph a line). */
  notes?: string | null;
}

/**
 * The comparison day when none is given: the last day of the month before `asOf`. Leadership reports
 * monthly to the Tỉnh ủy and UBND tỉnh, so "since the last report" is "since the end of last month"
 * (30/9 compares with 31/8; 15/10 with 30/9).
 */
export function defaultCompare(asOf: IsoDate): IsoDate {
  return addDays(`${asOf.slice(0, 8)}01`, -1);
}

/**
 * Checks a report request the same way for GraphQL, HTTP and the command line: an impossible day, a
 * day after today or before the first activity, or a comparison day not before `asOf` is
 * BAD_USER_INPUT, an unknown area NOT_FOUND, an area whose figures the reach does not cover FORBIDDEN. No area means the caller's own (a district head's district, an
 * office's account its office's units) or the province.
 */
export async function resolveReportRequest(
  db: Db,
  input: ReportInput,
  reach: Reach,
  today: IsoDate,
): Promise<ReportRequest> {
  const asOf = parseUserDate(input.asOf);
  if (!asOf)
    throw new BadInputError(`"asOf" (${input.asOf}) is not a real day (yyyy-mm-dd)`, 'asOf', {
      code: 'NOT_A_DAY',
      args: { value: input.asOf },
    });
  let compare = defaultCompare(asOf);
  if (input.compare) {
    const parsed = parseUserDate(input.compare);
    if (!parsed)
      throw new BadInputError(`"compare" (${input.compare}) is not a real day (yyyy-mm-dd)`, 'compare', {
        code: 'NOT_A_DAY',
        args: { value: input.compare },
      });
    compare = parsed;
  }
  await checkReportDays(db, asOf, compare, Boolean(input.compare), today);
  const notes = parseNotes(input.notes);
  let geography: GeographyRef | null = input.geography ? await getGeographyByCode(db, input.geography) : null;
  if (input.geography && !geography) throw new NotFoundError('Geography', input.geography, 'geography');
  // A district head's own report, asked without an area, is made in the map their area was named in.
  if (!geography && !input.areaCode && reach.kind === 'area') {
    const [own] = await getAreasByIds(db, [reach.areaId]);
    geography = own ? ((await getGeographiesByIds(db, [own.geographyId]))[0] ?? null) : null;
  }
  geography ??= await geographyOn(db, asOf);
  const office = await reportOffice(db, input, reach);
  const map = { code: geography.code, name: geography.name };
  if (office) {
    const [province] = await listRootAreas(db, geography.id);
    if (!province)
      throw new BadInputError(`Geography ${geography.code} has no areas`, 'geography', {
        code: 'NO_AREAS',
        args: { geography: geography.code },
      });
    return { area: province, office, geography: map, asOf, compare, notes, reach };
  }
  const area = await reportArea(db, input.areaCode, reach, geography.id);
  if (!(await canReadArea(db, reach, area.id)))
    throw new ForbiddenError(
      `Area "${area.code}" (${area.name}) is outside what your account may report on`,
      'areaId',
      undefined,
      undefined,
      { what: 'area', id: area.code },
    );
  return { area, office: null, geography: map, asOf, compare, notes, reach };
}

/**
 * A report is of a day that has figures: not after today, not before the first recorded activity (it
 * would count nothing and cite a letter of 2021 for it), and compared with an earlier day. Checked
 * before any figure is read; each refusal carries its reason for a client that words it itself.
 */
async function checkReportDays(
  db: Db,
  asOf: IsoDate,
  compare: IsoDate,
  compareGiven: boolean,
  today: IsoDate,
): Promise<void> {
  if (asOf > today)
    throw new BadInputError(
      `"asOf" (${asOf}) is after today (${today}): there are no figures for that day yet`,
      'asOf',
      {
        code: 'FUTURE_DAY',
        args: { day: asOf, today },
        vi: `Ngày báo cáo ${formatDate(asOf)} là ngày trong tương lai (hôm nay là ${formatDate(today)}): chưa có số liệu.`,
      },
    );
  const first = await firstActivityDay(db);
  if (first === null || asOf < first)
    throw new BadInputError(
      first === null
        ? 'No activity has been recorded yet: a report would count nothing'
        : `"asOf" (${asOf}) is before the first recorded activity (${first}): a report of that day would count nothing`,
      'asOf',
      {
        code: 'BEFORE_FIRST_ACTIVITY',
        args: { day: asOf, first: first ?? '' },
        vi:
          first === null
            ? 'Chưa có hoạt động nào được ghi nhận: báo cáo sẽ không có số liệu.'
            : `Ngày báo cáo ${formatDate(asOf)} trước ngày đầu tiên có hoạt động được ghi nhận (${formatDate(first)}): báo cáo ngày này không có số liệu.`,
      },
    );
  // A comparison day defaults to the end of the month before, always earlier; one given must be too.
  if (compareGiven && compare >= asOf)
    throw new BadInputError(
      `The comparison day "compare" (${compare}) is not before the report's day "asOf" (${asOf})`,
      'compare',
      {
        code: 'COMPARE_NOT_BEFORE',
        args: { compare, day: asOf },
        vi: `Ngày so sánh ${formatDate(compare)} phải trước ngày báo cáo ${formatDate(asOf)}.`,
      },
    );
}

/** The first day anything was recorded (a step or a contact), from the root areas' daily rollups. */
async function firstActivityDay(db: Db): Promise<IsoDate | null> {
  const [row] = await db.execute<{ day: string | null }>(sql`
    select min(d.day)::text as day from area_daily d
    where d.area_id in (select id from areas where parent_id is null)`);
  return row?.day ?? null;
}

/**
 * The office of an office's report: the one named (to make a published one again), or an office's
 * account's own when it names no area. Only that account and the province's roles read it.
 */
async function reportOffice(db: Db, input: ReportInput, reach: Reach): Promise<ReportRequest['office']> {
  let office: OfficeRow | undefined;
  if (input.officeCode) office = await getOfficeByCode(db, input.officeCode);
  else if (reach.kind === 'office' && !input.areaCode) [office] = await getOfficesByIds(db, [reach.officeId]);
  else return null;
  if (!office) throw new NotFoundError('Office', input.officeCode ?? '', 'officeId');
  if (reach.kind !== 'all' && !(reach.kind === 'office' && reach.officeId === office.id))
    throw new ForbiddenError(
      `Office "${office.code}" is outside what your account may report on`,
      'officeId',
      undefined,
      undefined,
      { what: 'office', id: office.code },
    );
  return { id: office.id, code: office.code, name: office.name };
}

async function reportArea(
  db: Db,
  code: string | null | undefined,
  reach: Reach,
  geographyId: number,
): Promise<AreaRow> {
  if (code) {
    const found = await getAreaByCode(db, code, reach, geographyId);
    if (!found) throw new NotFoundError('Area', code, 'areaId');
    return found.area;
  }
  if (reach.kind === 'area') {
    const [own] = await getAreasByIds(db, [reach.areaId]);
    if (own && own.geographyId === geographyId) return own;
    if (own)
      throw new BadInputError(
        'Name the area of the report ("areaId"): your own area is not in that geography',
        'areaId',
        { code: 'NAME_THE_AREA', args: {} },
      );
  }
  const roots = await listRootAreas(db, geographyId);
  if (roots.length !== 1)
    throw new BadInputError('Name the area of the report ("areaId")', 'areaId', {
      code: 'NAME_THE_AREA',
      args: {},
    });
  return roots[0] as AreaRow;
}
