import { type SQL, sql } from 'drizzle-orm';
import { placeUnits } from '../db/places.ts';
import { rebuildAreaClosure, rebuildRollups, type Tx, withUnitRollups } from '../db/rollups.ts';
import type { ImportKind } from './columns.ts';
import { areasOf } from './stage.ts';

/*
 * Writes the staged rows, one set-based upsert per kind: codes are resolved to ids by joins, and a row
 * whose key exists updates that record only where something differs, so importing the same rows again
 * writes nothing. `returning (xmax = 0)` tells inserted rows from updated ones in the same statement.
 *
 * Optional columns absent from the file keep what the record has; present but empty, they clear it.
 * Steps and milestones keep their earliest date (see each writer).
 */

export interface WriteResult {
  inserted: number;
  updated: number;
}

export interface ApplyOptions {
  /** The staging table (stage.ts) holding the checked rows. */
  table: string;
  /** The optional columns the file has. */
  present: Set<string>;
  /** Keep the rollups exact (false for a dry run, which is rolled back anyway). */
  rollups: boolean;
  /** How many rows are staged. */
  rows: number;
  /** The geography whose area codes the file names. */
  geographyId: number;
}

/** Above this many units, recomputing every rollup once is cheaper than unit by unit. */
export const REBUILD_ABOVE_UNITS = 2000;
/** A file this long touches most units anyway: the rollups are recomputed without working out which. */
export const REBUILD_ABOVE_ROWS = 200_000;

/** The staged rows, as `r`. */
const rowsOf = (options: ApplyOptions) => sql.raw(`${options.table} r`);

async function counted(tx: Tx, upsert: SQL): Promise<WriteResult> {
  const [row] = await tx.execute<{ inserted: number; updated: number }>(sql`
    with w as (${upsert} returning (xmax = 0) as inserted)
    select count(*) filter (where inserted)::int as inserted, count(*) filter (where not inserted)::int as updated from w`);
  return { inserted: row?.inserted ?? 0, updated: row?.updated ?? 0 };
}

/**
 * `column = excluded.column` for the columns the file has, and the condition that one of them differs.
 * `[name in the file, column in the table]`.
 */
function updateOf(table: string, columns: [string, string][], present: Set<string>) {
  const kept = columns.filter(([fileColumn]) => present.has(fileColumn)).map(([, column]) => column);
  return {
    set: sql.raw(kept.map((c) => `${c} = excluded.${c}`).join(', ')),
    differs: sql.raw(
      `(${kept.map((c) => `${table}.${c}`).join(', ')}) is distinct from (${kept.map((c) => `excluded.${c}`).join(', ')})`,
    ),
  };
}

async function unitIds(tx: Tx, query: SQL): Promise<number[]> {
  const result = await tx.execute<{ id: number }>(query);
  return result.map((r) => r.id);
}

/** Runs the write with the rollups kept exact for the units it touches. */
async function withRollups(
  tx: Tx,
  options: ApplyOptions,
  touched: () => Promise<number[]>,
  write: () => Promise<WriteResult>,
): Promise<WriteResult> {
  if (!options.rollups) return write();
  if (options.rows > REBUILD_ABOVE_ROWS) {
    const result = await write();
    await rebuildRollups(tx);
    return result;
  }
  const ids = await touched();
  if (ids.length > REBUILD_ABOVE_UNITS) {
    const result = await write();
    await rebuildRollups(tx);
    return result;
  }
  return ids.length === 0 ? write() : withUnitRollups(tx, ids, write);
}

export async function applyRows(tx: Tx, kind: ImportKind, options: ApplyOptions): Promise<WriteResult> {
  return WRITERS[kind](tx, options);
}

/**
 * What applyRows would write, worked out without writing, for the kinds whose rules allow it in one
 * read: steps (a new step, or an earlier day than the recorded one; the key is unique in the staged
 * rows). A dry run of those needs no transaction, which on the embedded database would hold the
 * session as long as the write itself. Null for the other kinds: their dry run writes and rolls back.
 */
export async function countRows(
  tx: Tx,
  kind: ImportKind,
  options: ApplyOptions,
): Promise<WriteResult | null> {
  if (kind !== 'steps') return null;
  const [row] = await tx.execute<{ inserted: number; updated: number }>(sql`
    select count(*) filter (where s.person_id is null)::int as inserted,
      count(*) filter (where r.date < s.date)::int as updated
    from ${rowsOf(options)} left join person_steps s on s.person_id = r.person_id and s.step = r.step::step`);
  return { inserted: row?.inserted ?? 0, updated: row?.updated ?? 0 };
}

const WRITERS: Record<ImportKind, (tx: Tx, options: ApplyOptions) => Promise<WriteResult>> = {
  async areas(tx, options) {
    const rows = rowsOf(options);
    const geography = options.geographyId;
    const written = await tx.execute<{ code: string; inserted: boolean }>(sql`
      insert into areas (geography_id, code, name, level)
      select ${geography}::int, r.area_code, r.name, r.level::area_level from ${rows} order by r.row_no
      on conflict (geography_id, code) do update set name = excluded.name, level = excluded.level
      where (areas.name, areas.level) is distinct from (excluded.name, excluded.level)
      returning code, (xmax = 0) as inserted`);
    const inserted = new Set(written.filter((w) => w.inserted).map((w) => w.code));
    const updated = new Set(written.filter((w) => !w.inserted).map((w) => w.code));
    let moved = 0;
    if (options.present.has('parent_code')) {
      const reparented = await tx.execute<{ code: string }>(sql`
        update areas a set parent_id = p.id
        from ${rows} left join ${areasOf(geography)} p on p.code = r.parent_code
        where a.geography_id = ${geography} and a.code = r.area_code and a.parent_id is distinct from p.id
        returning a.code`);
      moved = reparented.length;
      for (const { code } of reparented) if (!inserted.has(code)) updated.add(code);
    }
    // Figures of every area are sums over the hierarchy: when it changes, they are all recomputed.
    if (inserted.size > 0 || moved > 0) {
      await rebuildAreaClosure(tx);
      await placeUnits(tx, null);
      if (options.rollups) await rebuildRollups(tx);
    }
    return { inserted: inserted.size, updated: updated.size };
  },

  offices: (tx, options) => {
    const rows = rowsOf(options);
    const update = updateOf(
      'offices',
      [
        ['name', 'name'],
        ['area_code', 'area_id'],
      ],
      options.present,
    );
    return counted(
      tx,
      sql`insert into offices (code, name, area_id)
        select r.office_code, r.name, a.id from ${rows} join ${areasOf(options.geographyId)} a on a.code = r.area_code
        on conflict (code) do update set ${update.set} where ${update.differs}`,
    );
  },

  async units(tx, options) {
    const rows = rowsOf(options);
    const update = updateOf(
      'units',
      [
        ['name', 'name'],
        ['office_code', 'office_id'],
        ['sector', 'sector'],
        ['tax_code', 'tax_code'],
        ['address', 'address'],
      ],
      options.present,
    );
    // The unit's place in the file's geography: a row that names it again changes nothing, so a unit
    // recorded in an older map keeps its exact place there. Without a commune column, a unit already
    // placed in a commune of the named district stays there.
    const place = sql`(select p.area_id from unit_places p where p.unit_id = units.id and p.geography_id = ${options.geographyId})`;
    const area = options.present.has('commune_code')
      ? sql`case when ${place} = excluded.area_id then units.area_id else excluded.area_id end`
      : sql`case when ${place} in (select descendant_id from area_closure where ancestor_id = excluded.area_id)
          then units.area_id else excluded.area_id end`;
    const existing = () => unitIds(tx, sql`select u.id from ${rows} join units u on u.code = r.unit_code`);
    const areas = areasOf(options.geographyId);
    const result = await withRollups(tx, options, existing, async () => {
      const written = await counted(
        tx,
        sql`insert into units (code, name, area_id, office_id, sector, tax_code, address)
          select r.unit_code, r.name, coalesce(c.id, d.id), o.id, r.sector::sector, r.tax_code, r.address
          from ${rows}
          left join ${areas} d on d.code = r.district_code
          left join ${areas} c on c.code = r.commune_code
          join offices o on o.code = r.office_code
          on conflict (code) do update set ${update.set}, area_id = ${area}
          where ${update.differs} or units.area_id is distinct from ${area}`,
      );
      // Placed in every geography before the rollups count the units again.
      await placeUnits(
        tx,
        await unitIds(tx, sql`select u.id from ${rows} join units u on u.code = r.unit_code`),
      );
      return written;
    });
    // New units have no persons yet, but they count as units of their areas from today.
    const fresh = await unitIds(
      tx,
      sql`select u.id from ${rows} join units u on u.code = r.unit_code
        where not exists (select 1 from unit_totals t where t.unit_id = u.id)`,
    );
    if (options.rollups && fresh.length > 0) await withUnitRollups(tx, fresh, async () => {});
    return result;
  },

  staff: (tx, options) => {
    const rows = rowsOf(options);
    const update = updateOf(
      'staff',
      [
        ['full_name', 'full_name'],
        ['office_code', 'office_id'],
        ['email', 'email'],
        ['phone', 'phone'],
      ],
      options.present,
    );
    return counted(
      tx,
      sql`insert into staff (code, full_name, office_id, email, phone)
        select r.staff_code, r.full_name, o.id, r.email, r.phone from ${rows} join offices o on o.code = r.office_code
        on conflict (code) do update set ${update.set} where ${update.differs}`,
    );
  },

  assignments: (tx, options) =>
    counted(
      tx,
      sql`insert into unit_assignments (unit_id, staff_id, from_date)
        select u.id, s.id, r.from_date from ${rowsOf(options)}
        join units u on u.code = r.unit_code join staff s on s.code = r.staff_code
        on conflict (unit_id, from_date) do update set staff_id = excluded.staff_id
        where unit_assignments.staff_id <> excluded.staff_id`,
    ),

  persons: (tx, options) => {
    const rows = rowsOf(options);
    const update = updateOf(
      'persons',
      [
        ['full_name', 'full_name'],
        ['unit_code', 'unit_id'],
        ['birth_date', 'birth_date'],
        ['gender', 'gender'],
        ['id_number', 'id_number'],
        ['phone', 'phone'],
      ],
      options.present,
    );
    // A new person counts in their unit; a person who moves leaves the old unit's figures for the new one's.
    const touched = () =>
      unitIds(
        tx,
        sql`select distinct x.id from ${rows}
          join units u on u.code = r.unit_code
          left join persons p on p.social_insurance_code = r.social_insurance_code
          cross join lateral (values (u.id), (p.unit_id)) as x(id)
          where (p.id is null or p.unit_id <> u.id) and x.id is not null`,
      );
    return withRollups(tx, options, touched, () =>
      counted(
        tx,
        sql`insert into persons (social_insurance_code, full_name, unit_id, birth_date, gender, id_number, phone)
          select r.social_insurance_code, r.full_name, u.id, r.birth_date, r.gender::gender, r.id_number, r.phone
          from ${rows} join units u on u.code = r.unit_code
          on conflict (social_insurance_code) do update set ${update.set} where ${update.differs}`,
      ),
    );
  },

  async steps(tx, options) {
    const rows = rowsOf(options);
    /*
     * The earliest day is kept: a later day for a step already recorded changes nothing. Two joins
     * (an update of the steps with an earlier day, an insert of the new ones) rather than one
     * `on conflict` upsert: on a million rows, set-based joins are about twice as fast as an index
     * probe per row.
     *
     * Writing steps moves no person and leaves the rollups as they were until they are recomputed, so
     * the units to recompute one by one are those of the persons whose steps the write changed, read
     * from what it returns: not worked out by a join of the file with the recorded steps before it,
     * which cost as much again as the update (0,7 s of CPU for 150.000 rows on PGlite).
     */
    const byUnit = options.rollups && options.rows <= REBUILD_ABOVE_ROWS;
    const tally = byUnit
      ? sql`select count(*)::int as n, coalesce(array_agg(distinct p.unit_id), '{}') as units
          from w join persons p on p.id = w.person_id`
      : sql`select count(*)::int as n, '{}'::int[] as units from w`;
    const [updated] = await tx.execute<{ n: number; units: number[] }>(sql`
      with w as (
        update person_steps s set date = r.date from ${rows}
        where s.person_id = r.person_id and s.step = r.step::step and r.date < s.date
        returning s.person_id
      ) ${tally}`);
    const [inserted] = await tx.execute<{ n: number; units: number[] }>(sql`
      with w as (
        insert into person_steps (person_id, step, date)
        select r.person_id, r.step::step, r.date from ${rows}
        where not exists (select 1 from person_steps s where s.person_id = r.person_id and s.step = r.step::step)
        returning person_id
      ) ${tally}`);
    if (options.rollups) {
      const units = [...new Set([...(updated?.units ?? []), ...(inserted?.units ?? [])].map(Number))];
      if (!byUnit || units.length > REBUILD_ABOVE_UNITS) await rebuildRollups(tx);
      else if (units.length > 0) await withUnitRollups(tx, units, async () => {});
    }
    return { inserted: inserted?.n ?? 0, updated: updated?.n ?? 0 };
  },

  milestones: (tx, options) => {
    const rows = rowsOf(options);
    // Only the first contact counts in the figures.
    const touched = () =>
      unitIds(
        tx,
        sql`select distinct u.id from ${rows}
          join units u on u.code = r.unit_code
          left join unit_milestones m on m.unit_id = u.id and m.milestone = r.milestone::milestone
          where r.milestone = 'LEADERSHIP_CONTACTED' and (m.unit_id is null or r.date < m.date)`,
      );
    /*
     * The earliest day is kept, with the officer and note of the row that gave it: an earlier day
     * replaces them, the same day updates them (when the file has those columns), a later day is
     * ignored.
     */
    const staff = options.present.has('staff_code') ? sql`excluded.staff_id` : sql`unit_milestones.staff_id`;
    const note = options.present.has('note') ? sql`excluded.note` : sql`unit_milestones.note`;
    return withRollups(tx, options, touched, () =>
      counted(
        tx,
        sql`insert into unit_milestones (unit_id, milestone, date, staff_id, note)
          select u.id, r.milestone::milestone, r.date, s.id, r.note from ${rows}
          join units u on u.code = r.unit_code
          left join staff s on s.code = r.staff_code
          on conflict (unit_id, milestone) do update
          set date = excluded.date, staff_id = ${staff}, note = ${note}
          where excluded.date < unit_milestones.date
            or (excluded.date = unit_milestones.date
                and (unit_milestones.staff_id, unit_milestones.note) is distinct from (${staff}, ${note}))`,
      ),
    );
  },
};
