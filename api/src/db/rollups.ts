import { type SQL, sql } from 'drizzle-orm';
import type { Db } from './client.ts';
import { COUNT_COLUMNS } from './queries/scope.ts';
import { intArray } from './sql.ts';

/*
 * The rollup tables (schema/rollups.ts) are derived data. Every write to persons, steps or milestones
 * goes through `withUnitRollups`, which takes the touched units out of the rollups before the write and
 * puts them back, recomputed from the base rows, after it, in the same transaction. Area rows are
 * adjusted by the difference, so a write costs work in proportion to the units it touches, not to the
 * province. Areas' rows are kept for every geography at once, through the units' places in each
 * (unit_areas). `rebuildRollups` recomputes everything (after a bulk load, and in tests as the reference).
 */

export type Tx = Pick<Db, 'execute'>;

const countList = sql.raw(COUNT_COLUMNS.join(', '));
/** unit_daily's columns as written: each day's counts, the unit's running totals, its next row's day. */
const unitDailyColumns = sql.raw(
  [...COUNT_COLUMNS, ...COUNT_COLUMNS.map((c) => `${c}_cum`), 'next_day'].join(', '),
);
const sumList = sql.raw(COUNT_COLUMNS.map((c) => `sum(${c})::int`).join(', '));
const negatedSumList = sql.raw(COUNT_COLUMNS.map((c) => `-sum(${c})::int`).join(', '));
const addOnConflict = sql.raw(COUNT_COLUMNS.map((c) => `${c} = area_daily.${c} + excluded.${c}`).join(', '));

/**
 * One row per unit and day: persons whose effective date for each step is that day. A person's
 * effective date for a step is the earliest date of that step or any later one, because a later step
 * implies the earlier ones (an ACTIVATED row with no REGISTERED row still counts as registered).
 * `contacted` is 1 on the day of the unit's LEADERSHIP_CONTACTED milestone. Each row also carries the
 * unit's running totals up to its day (the *_cum columns) and the day of the unit's next row (next_day,
 * 'infinity' for the last): every row of a unit is written at once, so the spans always tile its days.
 */
export function unitDailySelect(unitIds: readonly number[] | null): SQL {
  const onlyUnits = (column: string) =>
    unitIds ? sql`${sql.raw(column)} = any(${intArray(unitIds)})` : sql`true`;
  return sql`
    select unit_id, day, ${countList},
      ${sql.raw(COUNT_COLUMNS.map((c) => `(sum(${c}) over (partition by unit_id order by day))::int`).join(', '))},
      coalesce(lead(day) over (partition by unit_id order by day), 'infinity')
    from (
    select unit_id, day, ${sql.raw(COUNT_COLUMNS.map((c) => `sum(${c})::int as ${c}`).join(', '))}
    from (
      select f.unit_id, e.day, e.registered, e.approved, e.activated, e.form_signed, e.verified, 0 as contacted
      from (
        select p.unit_id,
          min(s.date) as reg,
          min(s.date) filter (where s.step >= 'APPROVED') as app,
          min(s.date) filter (where s.step >= 'ACTIVATED') as act,
          min(s.date) filter (where s.step >= 'FORM_SIGNED') as frm,
          min(s.date) filter (where s.step = 'VERIFIED') as ver
        from person_steps s
        join persons p on p.id = s.person_id
        where ${onlyUnits('p.unit_id')}
        group by s.person_id, p.unit_id
      ) f
      cross join lateral (values
        (f.reg, 1, 0, 0, 0, 0), (f.app, 0, 1, 0, 0, 0), (f.act, 0, 0, 1, 0, 0),
        (f.frm, 0, 0, 0, 1, 0), (f.ver, 0, 0, 0, 0, 1)
      ) as e(day, registered, approved, activated, form_signed, verified)
      where e.day is not null
      union all
      select m.unit_id, m.date, 0, 0, 0, 0, 0, 1
      from unit_milestones m
      where m.milestone = 'LEADERSHIP_CONTACTED' and ${onlyUnits('m.unit_id')}
    ) x
    group by unit_id, day
    ) per_day`;
}

/**
 * One row per unit, day and reason: the change in the persons stuck for that reason (person_blockers)
 * on that day, +1 for each reason recorded, -1 for each of those persons activating later. A person
 * who activated on or before the reason's day never counts; days whose changes cancel out get no row.
 */
export function unitBlockerSelect(unitIds: readonly number[] | null): SQL {
  const onlyUnits = unitIds ? sql`p.unit_id = any(${intArray(unitIds)})` : sql`true`;
  return sql`
    select p.unit_id, e.day, b.reason, sum(e.change)::int as persons
    from person_blockers b
    join persons p on p.id = b.person_id
    left join lateral (
      select min(s.date) as day from person_steps s where s.person_id = b.person_id and s.step >= 'ACTIVATED'
    ) a on true
    cross join lateral (values (b.recorded_on, 1), (a.day, -1)) as e(day, change)
    where ${onlyUnits} and (a.day is null or a.day > b.recorded_on) and e.day is not null
    group by p.unit_id, e.day, b.reason
    having sum(e.change) <> 0`;
}

/** Recomputes every rollup from the base rows. */
export async function rebuildRollups(tx: Tx): Promise<void> {
  await tx.execute(
    sql`truncate unit_daily, area_daily, unit_totals, area_totals, unit_blocker_daily, area_blocker_daily`,
  );
  // Written in key order, so that an area's or a unit's days lie together on disk: a district's sum over
  // its days then reads a few pages instead of one page per day (9 districts: 725 pages against 18,
  // and the district question answered 2,2 times as fast).
  await tx.execute(
    sql`insert into unit_daily (unit_id, day, ${unitDailyColumns}) ${unitDailySelect(null)} order by 1, 2`,
  );
  await tx.execute(sql`
    insert into area_daily (area_id, day, ${countList})
    select c.area_id, d.day, ${sumList}
    from unit_daily d join unit_areas c on c.unit_id = d.unit_id
    group by c.area_id, d.day
    order by 1, 2`);
  await tx.execute(
    sql`insert into unit_blocker_daily (unit_id, day, reason, persons) ${unitBlockerSelect(null)}`,
  );
  await rollUpBlockers(tx, null);
  await refreshTotals(tx, null);
}

/**
 * Runs `write` (which may change the given units' persons, steps, milestones or area) and keeps the
 * rollups exact, in every geography. Pass every unit the write touches, including a person's old unit
 * when it moves; a write that moves a unit places it again (placeUnits) before it returns.
 */
export async function withUnitRollups<T>(
  tx: Tx,
  unitIds: readonly number[],
  write: () => Promise<T>,
): Promise<T> {
  const ids = intArray([...new Set(unitIds)]);
  await lockUnits(tx, ids);
  await tx.execute(sql`
    with old as (delete from unit_daily where unit_id = any(${ids}) returning *)
    insert into area_daily (area_id, day, ${countList})
    select c.area_id, old.day, ${negatedSumList}
    from old join unit_areas c on c.unit_id = old.unit_id
    group by c.area_id, old.day
    on conflict (area_id, day) do update set ${addOnConflict}`);
  await takeOutBlockers(tx, ids);
  const result = await write();
  await tx.execute(sql`
    with fresh as (
      insert into unit_daily (unit_id, day, ${unitDailyColumns}) ${unitDailySelect([...new Set(unitIds)])} returning *
    )
    insert into area_daily (area_id, day, ${countList})
    select c.area_id, fresh.day, ${sumList}
    from fresh join unit_areas c on c.unit_id = fresh.unit_id
    group by c.area_id, fresh.day
    on conflict (area_id, day) do update set ${addOnConflict}`);
  // Days whose changes cancelled out leave rows of zeros in the touched units' areas; drop them.
  await tx.execute(sql`
    delete from area_daily
    where ${sql.raw(COUNT_COLUMNS.map((c) => `${c} = 0`).join(' and '))}
      and area_id in (select c.area_id from unit_areas c where c.unit_id = any(${ids}))`);
  await putBackBlockers(tx, unitIds);
  await refreshTotals(tx, unitIds);
  return result;
}

/**
 * Runs `write`, which changes only stuck reasons (person_blockers) of the given units' persons, and
 * keeps the blocker rollups exact; the other rollups do not depend on reasons.
 */
export async function withBlockerRollups<T>(
  tx: Tx,
  unitIds: readonly number[],
  write: () => Promise<T>,
): Promise<T> {
  const ids = intArray([...new Set(unitIds)]);
  await lockUnits(tx, ids);
  await takeOutBlockers(tx, ids);
  const result = await write();
  await putBackBlockers(tx, unitIds);
  return result;
}

/**
 * Two transactions that recompute the same unit must not overlap: on a PostgreSQL server (read
 * committed) the second would wait on the first's deleted rows, delete none of the first's fresh
 * ones, then insert beside them (a duplicate key; two imports of the same units at once failed so).
 * The units are locked first, in order; the next statements then see what the first committed.
 */
async function lockUnits(tx: Tx, ids: SQL): Promise<void> {
  await tx.execute(sql`select 1 from units where id = any(${ids}) order by id for no key update`);
}

/** Takes the units' blocker rows out, and out of their areas' rows. */
async function takeOutBlockers(tx: Tx, ids: SQL): Promise<void> {
  await tx.execute(sql`
    with old as (delete from unit_blocker_daily where unit_id = any(${ids}) returning *)
    insert into area_blocker_daily (area_id, day, reason, persons)
    select c.area_id, old.day, old.reason, -sum(old.persons)::int
    from old join unit_areas c on c.unit_id = old.unit_id
    group by c.area_id, old.day, old.reason
    on conflict (area_id, day, reason) do update set persons = area_blocker_daily.persons + excluded.persons`);
}

/** Puts the units' blocker rows back, recomputed, into their areas' rows too; drops rows of zero. */
async function putBackBlockers(tx: Tx, unitIds: readonly number[]): Promise<void> {
  const unique = [...new Set(unitIds)];
  await tx.execute(sql`
    with fresh as (
      insert into unit_blocker_daily (unit_id, day, reason, persons) ${unitBlockerSelect(unique)}
      returning *
    )
    insert into area_blocker_daily (area_id, day, reason, persons)
    select c.area_id, fresh.day, fresh.reason, sum(fresh.persons)::int
    from fresh join unit_areas c on c.unit_id = fresh.unit_id
    group by c.area_id, fresh.day, fresh.reason
    on conflict (area_id, day, reason) do update set persons = area_blocker_daily.persons + excluded.persons`);
  await tx.execute(sql`
    delete from area_blocker_daily
    where persons = 0 and area_id in (select c.area_id from unit_areas c where c.unit_id = any(${intArray(unique)}))`);
}

/**
 * The rollups of a geography just added: its areas' daily sums from the units' own rows, through the
 * units' places in it; no other geography's row is touched.
 */
export async function rollUpGeography(tx: Tx, geographyId: number): Promise<void> {
  await tx.execute(sql`
    insert into area_daily (area_id, day, ${countList})
    select c.area_id, d.day, ${sumList}
    from unit_daily d join unit_areas c on c.unit_id = d.unit_id and c.geography_id = ${geographyId}
    group by c.area_id, d.day
    order by 1, 2`);
  await rollUpBlockers(tx, geographyId);
  await refreshTotals(tx, []);
}

/** Areas' blocker rows from the units' own, in one geography or (null) all of them. */
async function rollUpBlockers(tx: Tx, geographyId: number | null): Promise<void> {
  await tx.execute(sql`
    insert into area_blocker_daily (area_id, day, reason, persons)
    select c.area_id, d.day, d.reason, sum(d.persons)::int
    from unit_blocker_daily d
    join unit_areas c on c.unit_id = d.unit_id ${geographyId === null ? sql`` : sql`and c.geography_id = ${geographyId}`}
    group by c.area_id, d.day, d.reason
    having sum(d.persons) <> 0
    order by 1, 2, 3`);
}

/**
 * Unit targets for the given units (all when null), then every area's target. Areas are few (about
 * 150 in a province), so recomputing all of them is cheaper than working out which ones changed.
 */
async function refreshTotals(tx: Tx, unitIds: readonly number[] | null): Promise<void> {
  const filter = unitIds ? sql`u.id = any(${intArray(unitIds)})` : sql`true`;
  await tx.execute(sql`
    insert into unit_totals (unit_id, persons)
    select u.id, (select count(*)::int from persons p where p.unit_id = u.id) from units u where ${filter}
    on conflict (unit_id) do update set persons = excluded.persons`);
  await tx.execute(sql`
    insert into area_totals (area_id, persons, units)
    select a.id, coalesce(sum(t.persons), 0)::int, count(c.unit_id)::int
    from areas a
    left join unit_areas c on c.area_id = a.id
    left join unit_totals t on t.unit_id = c.unit_id
    group by a.id
    on conflict (area_id) do update set persons = excluded.persons, units = excluded.units`);
}

/** Rebuilds area_closure from areas.parent_id; areas are few, so the whole table is recomputed. */
export async function rebuildAreaClosure(tx: Tx): Promise<void> {
  await tx.execute(sql`delete from area_closure`);
  await tx.execute(sql`
    insert into area_closure (ancestor_id, descendant_id, depth)
    with recursive walk(ancestor_id, descendant_id, depth) as (
      select id, id, 0 from areas
      union all
      select a.parent_id, w.descendant_id, w.depth + 1
      from walk w join areas a on a.id = w.ancestor_id
      where a.parent_id is not null
    )
    select ancestor_id, descendant_id, depth from walk`);
}
