import DataLoader from 'dataloader';
import { type SQL, sql } from 'drizzle-orm';
import type { Reach, Viewer } from '../../auth/reach.ts';
import type { IsoDate } from '../../lib/dates.ts';
import type { Db } from '../client.ts';
import { byArguments, rowsOfEachParent } from '../loaders.ts';
import type { BlockerName, StepName } from '../schema/index.ts';
import { intArray } from '../sql.ts';
import { unitsInReach } from './scope.ts';

/** A person as the API serves it; `masked` rows carry only the tail of each code. */
export interface PersonRow extends Record<string, unknown> {
  id: number;
  unitId: number;
  fullName: string;
  socialInsuranceCode: string;
  idNumber: string | null;
  phone: string | null;
  birthDate: IsoDate | null;
  gender: 'M' | 'F' | null;
  /** The furthest step reached on the day asked, null when none. */
  step: StepName | null;
  /** The reason recorded on or before that day, while not yet activated. */
  blocker: BlockerName | null;
  blockerSince: IsoDate | null;
  blockerNote: string | null;
}

export interface PersonFilter {
  /** Only persons whose furthest step on the day is this one ("NONE" for no step yet). */
  step?: StepName | 'NONE';
  /** Only persons not yet activated on the day. */
  notActivated?: boolean;
  /** Only persons stuck for this reason on the day; UNKNOWN: not activated, and no reason recorded. */
  blocker?: BlockerName | 'UNKNOWN';
}

export interface PersonPage {
  persons: PersonRow[];
  hasNextPage: boolean;
  totalCount: number;
  offset: number;
  /** Set when the unit is outside the reach: the page shows no one, and the refusal is logged. */
  outOfReach?: true;
}

/** Each person's furthest step and current stuck reason on `asOf`, as columns of `p`. */
function personColumns(asOf: IsoDate) {
  return sql`p.id, p.unit_id as "unitId", p.full_name as "fullName",
    p.social_insurance_code as "socialInsuranceCode", p.id_number as "idNumber", p.phone,
    p.birth_date as "birthDate", p.gender,
    (select max(s.step) from person_steps s where s.person_id = p.id and s.date <= ${asOf})::text as step,
    b.reason::text as blocker, b.recorded_on as "blockerSince", b.note as "blockerNote"`;
}

/** The stuck reason of `p` on `asOf`: recorded by then, and the person not activated by then. */
function blockerJoin(asOf: IsoDate) {
  return sql`left join person_blockers b on b.person_id = p.id and b.recorded_on <= ${asOf}
    and not exists (select 1 from person_steps s where s.person_id = p.id and s.step >= 'ACTIVATED' and s.date <= ${asOf})`;
}

function filterConditions(filter: PersonFilter, asOf: IsoDate) {
  const furthest = sql`(select max(s.step) from person_steps s where s.person_id = p.id and s.date <= ${asOf})`;
  const conditions = [sql`true`];
  if (filter.step === 'NONE') conditions.push(sql`${furthest} is null`);
  else if (filter.step) conditions.push(sql`${furthest} = ${filter.step}`);
  if (filter.notActivated) conditions.push(sql`(${furthest} is null or ${furthest} < 'ACTIVATED')`);
  if (filter.blocker === 'UNKNOWN') {
    conditions.push(sql`b.reason is null and (${furthest} is null or ${furthest} < 'ACTIVATED')`);
  } else if (filter.blocker) conditions.push(sql`b.reason = ${filter.blocker}`);
  return sql.join(conditions, sql` and `);
}

export type PersonOrder = 'NAME' | 'NAME_DESC' | 'STEP' | 'STEP_DESC';

/** Which page of a unit's persons, on which day. */
export interface PersonPageArgs {
  asOf: IsoDate;
  filter: PersonFilter;
  order?: PersonOrder;
  first: number;
  offset: number;
}

/**
 * The same page of persons for many units at once (one statement), ordered by name, of the units
 * within reach only: what a list of units with their employees needs.
 */
async function listPersonPages(
  db: Db,
  params: PersonPageArgs & { unitIds: readonly number[]; reach: Reach },
): Promise<Map<number, PersonPage>> {
  const { asOf, filter, first, offset } = params;
  const step = sql`(select max(s.step) from person_steps s where s.person_id = p.id and s.date <= ${asOf})`;
  // No step yet sorts before REGISTERED: the persons least far along come first.
  const orders: Record<PersonOrder, SQL> = {
    NAME: sql`p.full_name, p.id`,
    NAME_DESC: sql`p.full_name desc, p.id`,
    STEP: sql`${step} nulls first, p.full_name, p.id`,
    STEP_DESC: sql`${step} desc nulls last, p.full_name, p.id`,
  };
  const orderBy = orders[params.order ?? 'NAME'];
  const rows = await db.execute<PersonRow & { parent: number; total: number; ord: unknown }>(sql`
    /* persons:pages */
    select k.id as parent, n.total, x.*
    from (select u.id from units u where u.id = any(${intArray(params.unitIds)}) and ${unitsInReach(params.reach)}) k
    cross join lateral (
      select count(*)::int as total from persons p ${blockerJoin(asOf)}
      where p.unit_id = k.id and ${filterConditions(filter, asOf)}
    ) n
    left join lateral (
      select ${personColumns(asOf)}, row_number() over (order by ${orderBy}) as ord
      from persons p ${blockerJoin(asOf)}
      where p.unit_id = k.id and ${filterConditions(filter, asOf)}
      order by ord limit ${first + 1} offset ${offset}
    ) x on true
    order by k.id, x.ord`);
  const pages = new Map<number, PersonPage>();
  for (const { parent, total, ord: _, ...person } of rows) {
    const page = pages.get(parent) ?? { persons: [], hasNextPage: false, totalCount: total, offset };
    pages.set(parent, page);
    if (person.id === null) continue;
    if (page.persons.length < first) page.persons.push(person as PersonRow);
    else page.hasNextPage = true;
  }
  return pages;
}

/** One person, and whether their unit is within reach (so that a refusal can be logged with its reason). */
export async function getPerson(
  db: Db,
  id: number,
  asOf: IsoDate,
  reach: Reach,
): Promise<{ person: PersonRow; inReach: boolean } | undefined> {
  const [row] = await db.execute<PersonRow & { inReach: boolean }>(sql`
    select ${personColumns(asOf)}, ${unitsInReach(reach)} as "inReach"
    from persons p join units u on u.id = p.unit_id ${blockerJoin(asOf)}
    where p.id = ${id}`);
  if (!row) return undefined;
  const { inReach, ...person } = row;
  return { person: person as PersonRow, inReach };
}

export interface PersonStepRow extends Record<string, unknown> {
  personId: number;
  step: StepName;
  date: IsoDate;
}

/** The steps of the given persons with their dates, per person in the funnel's order. */
function getStepsOfPersons(db: Db, ids: readonly number[]): Promise<PersonStepRow[]> {
  return db.execute<PersonStepRow>(sql`
    select person_id as "personId", step::text as step, date from person_steps
    where person_id = any(${intArray(ids)}) order by person_id, person_steps.step`);
}

/**
 * Records that `viewer` read these persons' data: which persons, through which operation and field,
 * one row per entry, in one statement. Called before the data is returned, so no read goes unlogged.
 */
export interface AccessEntry {
  personIds: readonly number[];
  operation: string;
  field: string;
}

async function logPersonAccess(db: Db, viewer: Viewer, entries: readonly AccessEntry[]): Promise<void> {
  const rows = entries
    .filter((e) => e.personIds.length > 0)
    .map((e) => ({ person_ids: e.personIds, operation: e.operation.slice(0, 20_000), field: e.field }));
  if (rows.length === 0) return;
  await db.execute(sql`
    insert into access_log (user_id, person_ids, operation, field)
    select ${viewer.userId}, r.person_ids, r.operation, r.field
    from json_to_recordset(${JSON.stringify(rows)}::json) as r(person_ids int[], operation text, field text)`);
}

export interface AccessLogRow extends Record<string, unknown> {
  id: number;
  /** ISO 8601, UTC. */
  at: string;
  username: string;
  role: string;
  personIds: number[];
  operation: string;
  field: string;
  kind: 'READ' | 'DOWNLOAD';
  rows: number;
}

/** The access log, newest first, optionally for one account or one person. */
export async function listAccessLog(
  db: Db,
  params: { username?: string; personId?: number; first: number; offset: number },
): Promise<{ entries: AccessLogRow[]; totalCount: number }> {
  const conditions = [sql`true`];
  if (params.username) conditions.push(sql`u.username = ${params.username}`);
  if (params.personId !== undefined) conditions.push(sql`${params.personId} = any(l.person_ids)`);
  const where = sql.join(conditions, sql` and `);
  const rows = await db.execute<AccessLogRow & { total: number }>(sql`
    select l.id, to_char(l.at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as at, u.username, u.role::text as role, l.person_ids as "personIds", l.operation, l.field,
      case when l.field like 'Download.%' then 'DOWNLOAD' else 'READ' end as kind,
      coalesce(cardinality(l.person_ids), 0)::int as rows,
      count(*) over ()::int as total
    from access_log l join users u on u.id = l.user_id
    where ${where}
    order by l.at desc, l.id desc
    limit ${params.first} offset ${params.offset}`);
  return { entries: rows.map(({ total: _, ...row }) => row), totalCount: rows[0]?.total ?? 0 };
}

/**
 * Of these person ids, those of the unit with this code, and only when the unit is within reach:
 * what a download may name. Anything else in the list means the file is not what the account read.
 */
export async function personsOfUnitInReach(
  db: Db,
  unitCode: string,
  ids: readonly number[],
  reach: Reach,
): Promise<number[]> {
  const rows = await db.execute<{ id: number }>(sql`
    select p.id from persons p join units u on u.id = p.unit_id
    where p.id = any(${intArray(ids)}) and u.code = ${unitCode} and ${unitsInReach(reach)}`);
  return rows.map((r) => r.id);
}

export type PersonLoaders = ReturnType<typeof personLoaders>;

export function personLoaders(db: Db, reach: Reach, viewer: Viewer) {
  return {
    /** A page of a unit's persons; the units of a list asking for the same page share one statement. */
    unitPersons: byArguments<PersonPageArgs, PersonPage>(
      (unitIds, page) => listPersonPages(db, { ...page, unitIds, reach }),
      // A unit outside the reach has no row: it shows no one.
      (_unitId, { offset }) => ({ persons: [], hasNextPage: false, totalCount: 0, offset, outOfReach: true }),
    ),
    personSteps: rowsOfEachParent(
      (ids) => getStepsOfPersons(db, ids),
      (step) => step.personId,
    ),
    /** Writes the reads of persons' data of one tick to the access log in one statement. */
    accessLog: new DataLoader<AccessEntry, true>(
      async (entries) => {
        await logPersonAccess(db, viewer, entries);
        return entries.map(() => true as const);
      },
      { cache: false },
    ),
  };
}
