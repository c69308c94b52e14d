import { sql } from 'drizzle-orm';
import type { Reach } from '../../auth/reach.ts';
import type { IsoDate } from '../../lib/dates.ts';
import type { Db } from '../client.ts';
import { type Tx, withBlockerRollups, withUnitRollups } from '../rollups.ts';
import { auditLog } from '../schema/audit.ts';
import type { BlockerName, MilestoneName, StepName } from '../schema/index.ts';
import { step as STEP_ENUM } from '../schema/persons.ts';
import { dateArray, intArray, textArray } from '../sql.ts';
import type { MilestoneRow, TrainingSessionRow } from './outreach.ts';
import { canReadArea, officerOnDay, unitsInReach } from './scope.ts';

/*
 * Recording progress: what officers and district offices do through the API. Each function is one
 * transaction that checks every code it is given against the caller's reach before writing anything,
 * keeps the rollups exact (withUnitRollups), repeats harmlessly (the natural key decides: a step or a
 * milestone keeps its earliest date), and writes one audit row per record it changed, with the record
 * before and after. Nothing is written when any code is unknown or out of reach.
 */

/** Who records: the account, or the command line (no account). */
export interface Actor {
  userId: number | null;
  username: string;
}

/** Codes the caller named that the database does not know, or that are outside their reach. */
export interface Refusal {
  refused: 'not-found' | 'forbidden';
  /** The kind of code ("unit", "person", "officer", "office"). */
  what: string;
  codes: string[];
  /**
   * Of a refusal of persons, answered as not found whether unknown or outside the reach: the codes that
   * name a person outside the reach, with the person's id, for the refusal log only.
   */
  outOfReach?: { code: string; personId: number }[];
}

export function isRefusal(value: unknown): value is Refusal {
  return typeof value === 'object' && value !== null && 'refused' in value;
}

interface AuditEntry {
  action: string;
  entity: string;
  entityKey: string;
  before: unknown;
  after: unknown;
}

async function audit(tx: Pick<Db, 'insert'>, actor: Actor, entries: AuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  await tx
    .insert(auditLog)
    .values(entries.map((e) => ({ ...e, actorId: actor.userId, actor: actor.username })));
}

/** Units by code with whether each is within reach; unknown and out-of-reach codes as a refusal. */
async function unitsByCode(
  tx: Tx,
  reach: Reach,
  codes: readonly string[],
): Promise<Map<string, { id: number; code: string }> | Refusal> {
  const rows = await tx.execute<{ id: number; code: string; ok: boolean }>(sql`
    select u.id, u.code, (${unitsInReach(reach)}) as ok from units u where u.code = any(${textArray(codes)})`);
  const found = new Map(rows.map((r) => [r.code, r]));
  const unknown = codes.filter((c) => !found.has(c));
  if (unknown.length) return { refused: 'not-found', what: 'unit', codes: unknown };
  const outside = rows.filter((r) => !r.ok).map((r) => r.code);
  if (outside.length) return { refused: 'forbidden', what: 'unit', codes: outside };
  return new Map(rows.map((r) => [r.code, { id: r.id, code: r.code }]));
}

async function staffIdByCode(tx: Tx, code: string): Promise<number | Refusal> {
  const [row] = await tx.execute<{ id: number }>(sql`select id from staff where code = ${code}`);
  return row ? row.id : { refused: 'not-found', what: 'officer', codes: [code] };
}

export interface MilestoneRecorded {
  milestone: MilestoneRow;
  changed: boolean;
}

/**
 * Records that a unit reached a milestone on a day. A milestone already recorded on an earlier day
 * keeps that day (and is unchanged); an earlier day replaces the later one. The officer is the one
 * given, else whoever was in charge of the unit on that day.
 */
export async function recordMilestone(
  db: Db,
  params: {
    actor: Actor;
    reach: Reach;
    unitCode: string;
    milestone: MilestoneName;
    date: IsoDate;
    /** Who did it: an officer by id (an OFFICER account itself) or by code; null code for whoever was in charge. */
    officer: { id: number | null } | { code: string | null };
    note: string | null;
  },
): Promise<MilestoneRecorded | Refusal> {
  const { actor, reach, unitCode, milestone, date, note } = params;
  return db.transaction(async (tx) => {
    const units = await unitsByCode(tx, reach, [unitCode]);
    if (isRefusal(units)) return units;
    const unitId = (units.get(unitCode) as { id: number }).id;
    let staffId: number | null = null;
    if ('id' in params.officer) staffId = params.officer.id;
    else if (params.officer.code) {
      const found = await staffIdByCode(tx, params.officer.code);
      if (isRefusal(found)) return found;
      staffId = found;
    } else {
      const [row] = await tx.execute<{ staff_id: number | null }>(
        sql`select ${officerOnDay(sql`${unitId}::int`, date)} as staff_id`,
      );
      staffId = row?.staff_id ?? null;
    }
    const [existing] = await tx.execute<{ date: IsoDate; staff_id: number | null; note: string | null }>(sql`
      select to_char(date, 'YYYY-MM-DD') as date, staff_id, note from unit_milestones
      where unit_id = ${unitId} and milestone = ${milestone} for update`);
    const before = existing ? { date: existing.date, staffId: existing.staff_id, note: existing.note } : null;
    let after = before;
    if (!existing || date < existing.date) after = { date, staffId, note: note ?? existing?.note ?? null };
    else if (note !== null && note !== existing.note && date === existing.date)
      after = { ...existing, staffId: existing.staff_id, note };
    const changed = after !== before;
    if (changed && after) {
      const write = () =>
        tx.execute(sql`
          insert into unit_milestones (unit_id, milestone, date, staff_id, note)
          values (${unitId}, ${milestone}, ${after.date}, ${after.staffId}, ${after.note})
          on conflict (unit_id, milestone) do update
            set date = excluded.date, staff_id = excluded.staff_id, note = excluded.note`);
      // Only the contact milestone feeds the rollups (units contacted).
      if (milestone === 'LEADERSHIP_CONTACTED') await withUnitRollups(tx, [unitId], write);
      else await write();
      await audit(tx, actor, [
        {
          action: 'MILESTONE_RECORDED',
          entity: 'unit_milestone',
          entityKey: `${unitCode}/${milestone}`,
          before,
          after,
        },
      ]);
    }
    const final = after as { date: IsoDate; staffId: number | null; note: string | null };
    return { milestone: { unitId, milestone, ...final }, changed };
  });
}

export interface BatchRecorded {
  /** Records written or moved to an earlier day. */
  written: number;
  /** Records that already said as much. */
  unchanged: number;
  /** recordSteps: of those written, the persons with no record of the step before this one. */
  implying?: number;
}

/**
 * Marks that the persons with these social-insurance codes reached a step on a day (a pasted list of
 * forms received or verified, or one person). A step already recorded on an earlier day keeps it.
 */
export async function recordSteps(
  db: Db,
  params: {
    actor: Actor;
    reach: Reach;
    step: StepName;
    date: IsoDate;
    codes: readonly string[];
    /** Check and count, write nothing. */
    dryRun?: boolean;
  },
): Promise<BatchRecorded | Refusal> {
  const { actor, reach, step, date } = params;
  // The step just before in the funnel: a person who had not reached it (nor any later one) by the
  // day is counted, once this step is recorded, as having passed it and every earlier one they lack.
  const previous = STEP_ENUM.enumValues[STEP_ENUM.enumValues.indexOf(step) - 1];
  const codes = [...new Set(params.codes)];
  return db.transaction(async (tx) => {
    const persons = await tx.execute<{
      id: number;
      code: string;
      unit_id: number;
      ok: boolean;
      old: IsoDate | null;
      lacks_previous: boolean;
    }>(sql`
      select p.id, p.social_insurance_code as code, p.unit_id, (${unitsInReach(reach)}) as ok,
        to_char(s.date, 'YYYY-MM-DD') as old,
        ${
          previous
            ? sql`not exists (select 1 from person_steps e
                where e.person_id = p.id and e.step >= cast(${previous} as step) and e.date <= ${date})`
            : sql`false`
        } as lacks_previous
      from persons p join units u on u.id = p.unit_id
      left join person_steps s on s.person_id = p.id and s.step = ${step}
      where p.social_insurance_code = any(${textArray(codes)})
      for update of p`);
    // A code outside the reach is answered as one that does not exist: telling them apart would let a
    // district head learn whether someone of another district is insured.
    const inReach = new Set(persons.filter((p) => p.ok).map((p) => p.code));
    const refused = codes.filter((c) => !inReach.has(c));
    if (refused.length) {
      const outOfReach = persons.filter((p) => !p.ok).map((p) => ({ code: p.code, personId: p.id }));
      return { refused: 'not-found', what: 'person', codes: refused, outOfReach };
    }
    const changing = persons.filter((p) => p.old === null || date < p.old);
    const implying = changing.filter((p) => p.lacks_previous).length;
    if (params.dryRun)
      return { written: changing.length, unchanged: persons.length - changing.length, implying };
    if (changing.length) {
      await withUnitRollups(
        tx,
        changing.map((p) => p.unit_id),
        () =>
          tx.execute(sql`
            insert into person_steps (person_id, step, date)
            select id, ${step}, ${date} from unnest(${intArray(changing.map((p) => p.id))}) as t(id)
            on conflict (person_id, step) do update set date = excluded.date
            where person_steps.date > excluded.date`),
      );
      await audit(
        tx,
        actor,
        changing.map((p) => ({
          action: 'STEP_RECORDED',
          entity: 'person_step',
          entityKey: `${p.code}/${step}`,
          before: p.old ? { date: p.old } : null,
          after: { date },
        })),
      );
    }
    return { written: changing.length, unchanged: persons.length - changing.length, implying };
  });
}

export interface BlockerRecorded {
  personId: number;
  reason: BlockerName | null;
  changed: boolean;
}

/** Sets (or, with a null reason, clears) why a person is stuck: one current reason per person. */
export async function recordBlocker(
  db: Db,
  params: {
    actor: Actor;
    reach: Reach;
    personId: number;
    reason: BlockerName | null;
    date: IsoDate;
    note: string | null;
  },
): Promise<BlockerRecorded | Refusal> {
  const { actor, reach, personId, reason, date, note } = params;
  return db.transaction(async (tx) => {
    const [person] = await tx.execute<{
      code: string;
      unit_id: number;
      ok: boolean;
      reason: BlockerName | null;
      recorded_on: IsoDate | null;
      note: string | null;
    }>(sql`
      select p.social_insurance_code as code, p.unit_id, (${unitsInReach(reach)}) as ok,
        b.reason::text as reason, to_char(b.recorded_on, 'YYYY-MM-DD') as recorded_on, b.note
      from persons p join units u on u.id = p.unit_id left join person_blockers b on b.person_id = p.id
      where p.id = ${personId} for update of p`);
    // A person outside the reach is answered as one that does not exist, as recordSteps does: telling
    // them apart would let a district head probe ids for the persons of other districts.
    if (!person) return { refused: 'not-found', what: 'person', codes: [String(personId)] };
    if (!person.ok)
      return {
        refused: 'not-found',
        what: 'person',
        codes: [String(personId)],
        outOfReach: [{ code: String(personId), personId }],
      };
    const before = person.reason
      ? { reason: person.reason, date: person.recorded_on, note: person.note }
      : null;
    const after = reason ? { reason, date, note } : null;
    const changed = JSON.stringify(before) !== JSON.stringify(after);
    if (changed) {
      await withBlockerRollups(tx, [person.unit_id], async () => {
        if (after)
          await tx.execute(sql`
            insert into person_blockers (person_id, reason, recorded_on, note)
            values (${personId}, ${reason}, ${date}, ${note})
            on conflict (person_id) do update
              set reason = excluded.reason, recorded_on = excluded.recorded_on, note = excluded.note`);
        else await tx.execute(sql`delete from person_blockers where person_id = ${personId}`);
      });
      await audit(tx, actor, [
        {
          action: after ? 'BLOCKER_SET' : 'BLOCKER_CLEARED',
          entity: 'person_blocker',
          entityKey: person.code,
          before,
          after,
        },
      ]);
    }
    return { personId, reason, changed };
  });
}

/**
 * Puts an officer in charge of units from a day. History is kept: a unit's earlier assignments stay,
 * and the same unit and day given again replaces only that day's officer.
 */
export async function assignOfficer(
  db: Db,
  params: { actor: Actor; reach: Reach; unitCodes: readonly string[]; staffCode: string; from: IsoDate },
): Promise<BatchRecorded | Refusal> {
  const { actor, reach, staffCode, from } = params;
  const unitCodes = [...new Set(params.unitCodes)];
  return db.transaction(async (tx) => {
    const units = await unitsByCode(tx, reach, unitCodes);
    if (isRefusal(units)) return units;
    const staffId = await staffIdByCode(tx, staffCode);
    if (isRefusal(staffId)) return staffId;
    const ids = [...units.values()].map((u) => u.id);
    const existing = await tx.execute<{ unit_id: number; staff: string }>(sql`
      select a.unit_id, s.code as staff from unit_assignments a join staff s on s.id = a.staff_id
      where a.unit_id = any(${intArray(ids)}) and a.from_date = ${from}`);
    const was = new Map(existing.map((r) => [r.unit_id, r.staff]));
    const changing = [...units.values()].filter((u) => was.get(u.id) !== staffCode);
    if (changing.length) {
      await tx.execute(sql`
        insert into unit_assignments (unit_id, staff_id, from_date)
        select id, ${staffId}, ${from} from unnest(${intArray(changing.map((u) => u.id))}) as t(id)
        on conflict (unit_id, from_date) do update set staff_id = excluded.staff_id`);
      await audit(
        tx,
        actor,
        changing.map((u) => ({
          action: 'OFFICER_ASSIGNED',
          entity: 'unit_assignment',
          entityKey: `${u.code}/${from}`,
          before: was.has(u.id) ? { staff: was.get(u.id) } : null,
          after: { staff: staffCode },
        })),
      );
    }
    return { written: changing.length, unchanged: unitCodes.length - changing.length };
  });
}

export interface TrainingRecorded {
  session: TrainingSessionRow;
  /** Units newly recorded as attending. */
  written: number;
  unchanged: number;
}

/**
 * Records a training session an office held and the units that attended; each unit reaches
 * TRAINING_ATTENDED on that day (or keeps an earlier one). The same office, day and title again adds
 * units to that session rather than making a second one. The office must be the caller's: one in a
 * district head's area, an office's account its own.
 */
export async function recordTraining(
  db: Db,
  params: {
    actor: Actor;
    reach: Reach;
    officeCode: string;
    heldOn: IsoDate;
    title: string;
    location: string | null;
    unitCodes: readonly string[];
  },
): Promise<TrainingRecorded | Refusal> {
  const { actor, reach, officeCode, heldOn, title, location } = params;
  const unitCodes = [...new Set(params.unitCodes)];
  return db.transaction(async (tx) => {
    const [office] = await tx.execute<{ id: number; area_id: number }>(
      sql`select id, area_id from offices where code = ${officeCode}`,
    );
    if (!office) return { refused: 'not-found', what: 'office', codes: [officeCode] };
    const ours =
      reach.kind === 'office'
        ? reach.officeId === office.id
        : await canReadArea(tx as Db, reach, office.area_id);
    if (!ours) return { refused: 'forbidden', what: 'office', codes: [officeCode] };
    const units = await unitsByCode(tx, reach, unitCodes);
    if (isRefusal(units)) return units;
    const [session] = await tx.execute<TrainingSessionRow>(sql`
      with found as (
        select * from training_sessions where office_id = ${office.id} and held_on = ${heldOn} and title = ${title}
      ), made as (
        insert into training_sessions (office_id, held_on, title, location)
        select ${office.id}, ${heldOn}, ${title}, ${location} where not exists (select 1 from found)
        returning *
      )
      select id, office_id as "officeId", to_char(held_on, 'YYYY-MM-DD') as "heldOn", title, location
      from (select * from found union all select * from made) s`);
    const sessionId = (session as TrainingSessionRow).id;
    const added = await tx.execute<{ unit_id: number }>(sql`
      insert into training_attendance (session_id, unit_id)
      select ${sessionId}, id from unnest(${intArray([...units.values()].map((u) => u.id))}) as t(id)
      on conflict do nothing returning unit_id`);
    const addedIds = added.map((r) => r.unit_id);
    if (addedIds.length) {
      await tx.execute(sql`
        insert into unit_milestones (unit_id, milestone, date)
        select id, 'TRAINING_ATTENDED', d from unnest(${intArray(addedIds)}, ${dateArray(addedIds.map(() => heldOn))}) as t(id, d)
        on conflict (unit_id, milestone) do update set date = excluded.date
        where unit_milestones.date > excluded.date`);
      const codeOf = new Map([...units.values()].map((u) => [u.id, u.code]));
      await audit(tx, actor, [
        {
          action: 'TRAINING_RECORDED',
          entity: 'training_session',
          entityKey: `${officeCode}/${heldOn}/${title}`,
          before: null,
          after: { location, unitsAdded: addedIds.map((id) => codeOf.get(id)) },
        },
      ]);
    }
    return {
      session: session as TrainingSessionRow,
      written: addedIds.length,
      unchanged: unitCodes.length - addedIds.length,
    };
  });
}

export interface AuditRow extends Record<string, unknown> {
  id: number;
  at: string;
  actor: string;
  action: string;
  entity: string;
  entityKey: string;
  before: unknown;
  after: unknown;
}

/** The newest changes first, optionally of one kind of record or one record. */
export async function listAudit(
  db: Db,
  params: { first: number; offset: number; entity?: string | null; entityKey?: string | null },
): Promise<{ rows: AuditRow[]; total: number }> {
  const where = sql`(${params.entity ?? null}::text is null or entity = ${params.entity ?? null})
    and (${params.entityKey ?? null}::text is null or entity_key = ${params.entityKey ?? null})`;
  const rows = await db.execute<AuditRow>(sql`
    select id::int, to_char(at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as at, actor, action,
      entity, entity_key as "entityKey", before, after
    from audit_log where ${where} order by id desc limit ${params.first} offset ${params.offset}`);
  const [count] = await db.execute<{ n: number }>(
    sql`select count(*)::int as n from audit_log where ${where}`,
  );
  return { rows: [...rows], total: count?.n ?? 0 };
}
