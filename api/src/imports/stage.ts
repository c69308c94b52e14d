import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { type SQL, sql } from 'drizzle-orm';
import type postgres from 'postgres';
import type { Reach } from '../auth/reach.ts';
import { areaFiguresInReach, unitsInReach } from '../db/queries/scope.ts';
import type { Tx } from '../db/rollups.ts';
import { step } from '../db/schema/index.ts';
import { enumArray, intArray, textArray } from '../db/sql.ts';
import type { ImportKind, KindSpec } from './columns.ts';
import { type Problem, problem } from './problems.ts';
import type { RowValues } from './validate.ts';

/*
 * Rows that pass the checks of their own are copied into a temporary table of the import's own,
 * `import_rows_<import id>`. Everything that needs the database or the other rows is then one
 * statement over the whole file: duplicates of the key, codes that name nothing, units outside the
 * caller's reach. Rows found wrong are deleted from the table, and what is left is what gets written.
 *
 * The table outlives the statements that fill and check it, which run each on its own, outside the
 * import's write transaction (run.ts), so that on the embedded database other connections are served
 * between them. On PGlite every connection shares the one session and so its temporary tables: the
 * name is unique to the import, and the import drops the table when it ends, whatever the outcome;
 * one left by a process that was killed is dropped at the next start (dropAbandonedStaging). On a
 * PostgreSQL server the table is its connection's own and goes with it.
 */

/** The staging table of an import (the id is a number: nothing to quote). */
export function stagingTable(importId: number): string {
  return `import_rows_${Math.trunc(importId)}`;
}

/** The steps in their order. */
const STEPS = step.enumValues;

const col = (name: string) => sql.identifier(name);

/**
 * Ids looked up once the rows are staged, for the kind whose files run to a million rows: one hash
 * join over the whole file, instead of one in each later statement (checks, write, warnings). Looking
 * them up batch by batch while staging costs an index probe per row, several times slower.
 */
const RESOLVED: Partial<Record<ImportKind, { column: string; table: string; key: string; from: string }>> = {
  steps: {
    column: 'person_id',
    table: 'persons',
    key: 'social_insurance_code',
    from: 'social_insurance_code',
  },
};

export async function createStaging(tx: Tx, table: string, spec: KindSpec): Promise<void> {
  const columns = spec.columns.map((c) => `${c.name} ${c.type === 'date' ? 'date' : 'text'}`);
  await dropStaging(tx, table);
  await tx.execute(sql.raw(`create temp table ${table} (row_no int not null, ${columns.join(', ')})`));
}

/** Drops the staging table (and the one finishStaging renames it to meanwhile), if they exist. */
export async function dropStaging(tx: Tx, table: string): Promise<void> {
  await tx.execute(sql.raw(`drop table if exists ${table}, ${table}_raw`));
}

/** Staging tables are named import_rows_<id>, and import_rows_<id>_raw while their ids are resolved. */
const STAGING_NAME = '^import_rows_([0-9]+)(_raw)?$';

/**
 * At a start, on the embedded database: the staging tables of imports that are no longer RUNNING
 * (their process was killed, and failAbandonedImports has just marked them FAILED). PGlite keeps a
 * killed session's temporary tables in its catalog, and a `pnpm cli import` killed beside the server
 * leaves its table in the server's session. On a PostgreSQL server a temporary table is its
 * connection's, dropped by the server when the connection ends, and another connection's is not ours
 * to drop: nothing to do there. Returns the tables dropped.
 */
export async function dropAbandonedStaging(tx: Tx): Promise<string[]> {
  const rows = await tx.execute<{ schema: string; name: string }>(sql`
    select n.nspname as schema, c.relname as name
    from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where c.relkind = 'r' and c.relpersistence = 't' and c.relname ~ ${STAGING_NAME}
      and not exists (
        select 1 from imports i
        where i.outcome = 'RUNNING' and i.id = substring(c.relname from ${STAGING_NAME})::int
      )`);
  for (const { schema, name } of rows)
    await tx.execute(sql`drop table if exists ${sql.identifier(schema)}.${sql.identifier(name)}`);
  return rows.map((r) => r.name);
}

export interface StagedRow {
  row: number;
  values: RowValues;
}

/** Takes the checked rows, batch by batch, into the staging table. */
export interface Stager {
  add(rows: StagedRow[]): Promise<void>;
  /** Resolves once every row is in the table. */
  close(): Promise<void>;
  /** Stops after a failure (the transaction is rolled back next). */
  abort(error: Error): void;
}

/**
 * On a PostgreSQL server the rows stream in through one COPY, which the server parses while the next
 * rows are read here: for a million rows, about half the time of statements with array parameters. On
 * PGlite, one insert per batch, each stored while the next is parsed.
 */
export function openStager(tx: Tx, table: string, spec: KindSpec, copyClient: postgres.Sql | null): Stager {
  if (copyClient) return copyStager(copyClient, table, spec);
  let pending: Promise<void> = Promise.resolve();
  return {
    async add(rows) {
      await pending;
      pending = stageRows(tx, table, spec, rows);
      pending.catch(() => {}); // awaited (and thrown) by the next add or by close
    },
    async close() {
      await pending;
    },
    abort() {},
  };
}

// COPY's text format: a backslash, a tab, a newline and a carriage return are escaped; \N is null.
const COPY_ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };
const copyText = (value: string | null) =>
  value === null ? '\\N' : value.replace(/[\\\t\n\r]/g, (c) => COPY_ESCAPES[c] as string);

/*
 * The COPY opens with the first rows, so a file refused at its header never starts one. The values
 * are checked before they come here (real dates, no NUL), so the server has nothing to refuse in them.
 */
function copyStager(client: postgres.Sql, table: string, spec: KindSpec): Stager {
  const names = spec.columns.map((c) => c.name);
  let stream: Writable | undefined;
  return {
    async add(rows) {
      if (rows.length === 0) return;
      stream ??= await client.unsafe(`copy ${table} (row_no, ${names.join(', ')}) from stdin`).writable();
      let text = '';
      for (const { row, values } of rows)
        text += `${row}\t${names.map((name) => copyText(values[name] ?? null)).join('\t')}\n`;
      // `once` rejects if the stream fails meanwhile.
      if (!stream.write(text)) await once(stream, 'drain');
    },
    async close() {
      if (!stream) return;
      stream.end();
      await finished(stream);
    },
    abort(error) {
      // Sends CopyFail: the server ends the COPY with an error, and the statements queued after it run.
      stream?.destroy(error);
    },
  };
}

/** Copies a batch of checked rows into the staging table in one statement. */
async function stageRows(tx: Tx, table: string, spec: KindSpec, rows: StagedRow[]): Promise<void> {
  if (rows.length === 0) return;
  const arrays = spec.columns.map((c) => {
    const values = rows.map((r) => r.values[c.name] ?? null);
    return c.type === 'date' ? enumArray(values, 'date') : textArray(values);
  });
  const names = sql.join(
    spec.columns.map((c) => col(c.name)),
    sql`, `,
  );
  await tx.execute(sql`insert into ${sql.raw(table)} (row_no, ${names})
    select * from unnest(${intArray(rows.map((r) => r.row))}, ${sql.join(arrays, sql`, `)})`);
}

/** Once every row is staged: the ids of RESOLVED, then statistics. */
export async function finishStaging(tx: Tx, table: string, kind: ImportKind): Promise<void> {
  const resolved = RESOLVED[kind];
  if (resolved) {
    await tx.execute(sql.raw(`alter table ${table} rename to ${table}_raw`));
    await tx.execute(sql`create temp table ${sql.raw(table)} as
      select r.*, t.id as ${col(resolved.column)} from ${sql.raw(`${table}_raw`)} r
      left join ${sql.raw(resolved.table)} t on t.${col(resolved.key)} = r.${col(resolved.from)}`);
    await tx.execute(sql.raw(`drop table ${table}_raw`));
  }
  // Temporary tables are never analysed automatically; without statistics the joins below on a
  // million rows would be planned as if the table were empty.
  await tx.execute(sql.raw(`analyze ${table}`));
}

export async function dropRows(tx: Tx, table: string, rows: readonly number[]): Promise<void> {
  if (rows.length === 0) return;
  await tx.execute(sql`delete from ${sql.raw(table)} where row_no = any(${intArray([...new Set(rows)])})`);
}

export async function countStaged(tx: Tx, table: string): Promise<number> {
  const [row] = await tx.execute<{ n: number }>(sql.raw(`select count(*)::int as n from ${table}`));
  return row?.n ?? 0;
}

/** A second row with the key of an earlier one is refused, naming the row it repeats. */
export async function findDuplicates(tx: Tx, table: string, spec: KindSpec): Promise<Problem[]> {
  // A resolved id stands for its code in the key: an integer hashes faster than a text.
  const resolved = RESOLVED[spec.kind];
  const key = sql.join(
    spec.key.map((k) => col(resolved?.from === k ? `${resolved.column}` : k)),
    sql`, `,
  );
  const rows = await tx.execute<{ row_no: number; first_row: number }>(sql`
    with repeated as (
      select ${key}, min(row_no) as first_row from ${sql.raw(table)} group by ${key} having count(*) > 1
    )
    select r.row_no, d.first_row from ${sql.raw(table)} r join repeated d using (${key})
    where r.row_no <> d.first_row order by r.row_no`);
  const keyName = spec.key.join(' + ');
  return rows.map((r) =>
    problem(
      'DUPLICATE_KEY',
      {
        en: `repeats row ${r.first_row} (same ${keyName}); only the first is kept`,
        vi: `trùng với dòng ${r.first_row} (cùng ${keyName}); chỉ giữ dòng đầu tiên`,
      },
      { row: r.row_no, column: spec.key[0] },
    ),
  );
}

interface Reference {
  column: string;
  table: 'areas' | 'offices' | 'units' | 'staff' | 'persons';
  /** For areas: a parent may be an area defined by an earlier row of the same file. */
  earlierRowsKey?: string;
}

const REFERENCES: Record<ImportKind, Reference[]> = {
  areas: [{ column: 'parent_code', table: 'areas', earlierRowsKey: 'area_code' }],
  offices: [{ column: 'area_code', table: 'areas' }],
  units: [
    { column: 'district_code', table: 'areas' },
    { column: 'commune_code', table: 'areas' },
    { column: 'office_code', table: 'offices' },
  ],
  staff: [{ column: 'office_code', table: 'offices' }],
  assignments: [
    { column: 'unit_code', table: 'units' },
    { column: 'staff_code', table: 'staff' },
  ],
  persons: [{ column: 'unit_code', table: 'units' }],
  steps: [{ column: 'social_insurance_code', table: 'persons' }],
  milestones: [
    { column: 'unit_code', table: 'units' },
    { column: 'staff_code', table: 'staff' },
  ],
};

const NOUNS: Record<Reference['table'], { en: string; vi: string; key: string }> = {
  areas: { en: 'area', vi: 'địa bàn', key: 'code' },
  offices: { en: 'BHXH office', vi: 'cơ quan BHXH', key: 'code' },
  units: { en: 'unit', vi: 'đơn vị', key: 'code' },
  staff: { en: 'officer', vi: 'cán bộ', key: 'code' },
  persons: { en: 'person', vi: 'người lao động', key: 'social_insurance_code' },
};

/**
 * A social-insurance code that names no person the caller may act on. For a caller of limited reach it
 * is one answer whether the code names nobody or a person outside the reach (findOutOfReach gives it
 * too): telling them apart would tell a district head whether someone of another district is insured.
 */
function unknownPerson(reach: Reach, at: { row: number; column: string }): Problem {
  return problem(
    'UNKNOWN_REFERENCE',
    reach.kind === 'all'
      ? {
          en: 'no person exists with this social-insurance code; import it with the persons first',
          vi: 'không có người lao động với mã số BHXH này; hãy nhập danh sách người lao động trước',
        }
      : {
          en: `no person with this social-insurance code in ${reachWords(reach).en}; import it with the persons first`,
          vi: `không có người lao động với mã số BHXH này trong ${reachWords(reach).vi}; hãy nhập danh sách người lao động trước`,
        },
    at,
  );
}

/** The areas of one geography, where a file's area codes are read (codes repeat across geographies). */
export function areasOf(geographyId: number): SQL {
  return sql`(select * from areas where geography_id = ${geographyId})`;
}

/** Codes that name nothing in the database (nor, for area parents, in an earlier row). */
export async function findUnknownReferences(
  tx: Tx,
  table: string,
  kind: ImportKind,
  reach: Reach,
  geographyId: number,
): Promise<Problem[]> {
  const problems: Problem[] = [];
  for (const ref of REFERENCES[kind]) {
    const noun = NOUNS[ref.table];
    const earlier = ref.earlierRowsKey
      ? sql`and not exists (select 1 from ${sql.raw(table)} e where e.${col(ref.earlierRowsKey)} = r.${col(ref.column)} and e.row_no < r.row_no)`
      : sql``;
    const resolved = RESOLVED[kind];
    const missing =
      resolved?.from === ref.column
        ? sql`r.${col(resolved.column)} is null`
        : sql`not exists (select 1 from ${ref.table === 'areas' ? areasOf(geographyId) : sql.raw(ref.table)} t where t.${col(noun.key)} = r.${col(ref.column)})`;
    const rows = await tx.execute<{ row_no: number; value: string }>(sql`
      select r.row_no, r.${col(ref.column)} as value from ${sql.raw(table)} r
      where r.${col(ref.column)} is not null and ${missing}
        ${earlier}
      order by r.row_no`);
    for (const r of rows) {
      if (ref.table === 'persons') {
        problems.push(unknownPerson(reach, { row: r.row_no, column: ref.column }));
        continue;
      }
      const shown = ` "${r.value}"`;
      problems.push(
        problem(
          'UNKNOWN_REFERENCE',
          ref.earlierRowsKey
            ? {
                en: `no ${noun.en}${shown} exists, neither in the database nor in an earlier row of this file`,
                vi: `không có ${noun.vi}${shown}, cả trong cơ sở dữ liệu lẫn ở các dòng trước trong tệp`,
              }
            : { en: `no ${noun.en}${shown} exists`, vi: `không có ${noun.vi}${shown}` },
          { row: r.row_no, column: ref.column },
        ),
      );
    }
  }
  return problems;
}

/** A unit's row names its commune, or at least its district (a map without districts, the commune). */
export async function findUnitsWithoutArea(tx: Tx, table: string): Promise<Problem[]> {
  const rows = await tx.execute<{ row_no: number }>(sql`
    select r.row_no from ${sql.raw(table)} r where r.district_code is null and r.commune_code is null order by r.row_no`);
  return rows.map((r) =>
    problem(
      'REQUIRED',
      {
        en: 'is empty, and so is commune_code: a unit needs its commune (or, in a map with districts, at least its district)',
        vi: 'bị bỏ trống, cột mã xã cũng vậy: đơn vị cần mã xã (hoặc, với địa giới còn cấp huyện, ít nhất mã huyện)',
      },
      { row: r.row_no, column: 'district_code' },
    ),
  );
}

/** A unit's commune must lie inside the district the row names. */
export async function findCommunesOutsideDistricts(
  tx: Tx,
  table: string,
  geographyId: number,
): Promise<Problem[]> {
  const areas = areasOf(geographyId);
  const rows = await tx.execute<{ row_no: number; commune: string; district: string }>(sql`
    select r.row_no, r.commune_code as commune, r.district_code as district from ${sql.raw(table)} r
    join ${areas} c on c.code = r.commune_code join ${areas} d on d.code = r.district_code
    where not exists (select 1 from area_closure x where x.ancestor_id = d.id and x.descendant_id = c.id)
    order by r.row_no`);
  return rows.map((r) =>
    problem(
      'NOT_INSIDE',
      {
        en: `area "${r.commune}" is not inside district "${r.district}"`,
        vi: `địa bàn "${r.commune}" không thuộc huyện "${r.district}"`,
      },
      { row: r.row_no, column: 'commune_code' },
    ),
  );
}

/**
 * An area's new parent must not lie below it: the file's parents over the database's, walked up from
 * each row's parent, must never come back to the row's own area.
 */
export async function findAreaCycles(tx: Tx, table: string, geographyId: number): Promise<Problem[]> {
  const areas = areasOf(geographyId);
  const rows = await tx.execute<{ row_no: number }>(sql`
    with recursive parents(code, parent_code) as (
      select a.code, coalesce(r.parent_code, case when r.row_no is null then p.code end)
      from ${areas} a left join areas p on p.id = a.parent_id left join ${sql.raw(table)} r on r.area_code = a.code
      union
      select r.area_code, r.parent_code from ${sql.raw(table)} r where not exists (select 1 from ${areas} a where a.code = r.area_code)
    ),
    walk(start, code, depth) as (
      select code, parent_code, 1 from parents where parent_code is not null
      union all
      select w.start, p.parent_code, w.depth + 1 from walk w join parents p on p.code = w.code
      where p.parent_code is not null and w.code <> w.start and w.depth < 64
    )
    select distinct r.row_no from walk w join ${sql.raw(table)} r on r.area_code = w.start
    where w.code = w.start order by r.row_no`);
  return rows.map((r) =>
    problem(
      'AREA_CYCLE',
      {
        en: 'the parent lies inside this area: the hierarchy would go round in a circle',
        vi: 'địa bàn cấp trên lại nằm trong chính địa bàn này: cây địa bàn sẽ bị vòng lặp',
      },
      { row: r.row_no, column: 'parent_code' },
    ),
  );
}

/** The rows refused for the caller's reach, and the persons outside it that they named (for the refusal log). */
export interface OutOfReach {
  problems: Problem[];
  personIds: number[];
}

/**
 * For a caller whose reach is one area (a district head) or one office: rows about units outside it,
 * as the unit is now and as the row would make it, are refused. Areas, offices and officers are the
 * province's.
 *
 * A row naming a person outside the reach is answered as the caller may learn it: a steps row as if no
 * person had the code (the same problem as findUnknownReferences gives, so that the file tells nothing
 * of persons elsewhere); a persons row naming the code of a person of another area is refused on that
 * code, which says that the code is taken: a code names one person, so a new person cannot have it,
 * and a district head may not move someone else's. Either way the persons are returned for the
 * refusal log.
 */
export async function findOutOfReach(
  tx: Tx,
  table: string,
  kind: ImportKind,
  reach: Reach,
  geographyId: number,
): Promise<OutOfReach> {
  const none: OutOfReach = { problems: [], personIds: [] };
  if (reach.kind === 'all') return none;
  const inReach = unitsInReach(reach);
  const unitsOutside = async (column: string, condition: SQL) => {
    const rows = await tx.execute<{ row_no: number }>(
      sql`select r.row_no from ${sql.raw(table)} r where ${condition} order by r.row_no`,
    );
    return rows.map((r) => outOfReach(reach, { row: r.row_no, column }));
  };
  /** The rows whose person (`personOfRow` joined as `p`) works outside the reach. */
  const personsOutside = (personOfRow: SQL) =>
    tx.execute<{ row_no: number; person_id: number }>(sql`
      select r.row_no, p.id as person_id from ${sql.raw(table)} r
      join persons p on ${personOfRow} join units u on u.id = p.unit_id
      where not (${inReach}) order by r.row_no`);
  switch (kind) {
    case 'units':
      if (reach.kind === 'office')
        return {
          // An office's account adds and changes only units it manages, wherever they lie.
          problems: [
            ...(await unitsOutside(
              'office_code',
              sql`not exists (select 1 from offices o where o.code = r.office_code and o.id = ${reach.officeId})`,
            )),
            ...(await unitsOutside(
              'unit_code',
              sql`exists (select 1 from units u where u.code = r.unit_code and not (${inReach}))`,
            )),
          ].sort((a, b) => (a.row ?? 0) - (b.row ?? 0)),
          personIds: [],
        };
      if (reach.kind !== 'area') return none;
      return {
        problems: await unitsOutside(
          'district_code',
          // The named area's figures must be within reach: inside the district head's area, or, in
          // another map, an area that holds units and only theirs.
          sql`not exists (select 1 from ${areasOf(geographyId)} a
            where a.code = coalesce(r.commune_code, r.district_code) and ${areaFiguresInReach(reach, sql`a.id`)})
            or exists (select 1 from units u where u.code = r.unit_code and not (${inReach}))`,
        ),
        personIds: [],
      };
    case 'persons': {
      const units = await unitsOutside(
        'unit_code',
        sql`exists (select 1 from units u where u.code = r.unit_code and not (${inReach}))`,
      );
      const taken = await personsOutside(sql`p.social_insurance_code = r.social_insurance_code`);
      return {
        problems: [
          ...units,
          ...taken.map((r) =>
            problem(
              'OUT_OF_REACH',
              {
                en: `this social-insurance code is recorded for a person outside ${reachWords(reach).en}; the provincial office can move them`,
                vi: `mã số BHXH này đã được ghi nhận cho người lao động ngoài ${reachWords(reach).vi}; BHXH tỉnh có thể chuyển người này`,
              },
              { row: r.row_no, column: 'social_insurance_code' },
            ),
          ),
        ],
        personIds: taken.map((r) => r.person_id),
      };
    }
    case 'steps': {
      const outside = await personsOutside(sql`p.id = r.person_id`);
      return {
        problems: outside.map((r) =>
          unknownPerson(reach, { row: r.row_no, column: 'social_insurance_code' }),
        ),
        personIds: outside.map((r) => r.person_id),
      };
    }
    case 'assignments':
    case 'milestones':
      return {
        problems: await unitsOutside(
          'unit_code',
          sql`exists (select 1 from units u where u.code = r.unit_code and not (${inReach}))`,
        ),
        personIds: [],
      };
    default:
      // Areas, offices and officers are refused for the whole file before anything is read (run.ts).
      return none;
  }
}

/**
 * A row about a unit outside the caller's reach. Unit codes are employers', not persons': saying that
 * one lies elsewhere tells nothing of anyone (and `unit(id)` answers such a code FORBIDDEN too).
 */
function outOfReach(reach: Reach, at: { row: number; column: string }): Problem {
  const where = reachWords(reach);
  return problem('OUT_OF_REACH', { en: `is outside ${where.en}`, vi: `nằm ngoài ${where.vi}` }, at);
}

/** What a caller of limited reach may act on, in words. */
function reachWords(reach: Reach): { en: string; vi: string } {
  return reach.kind === 'office'
    ? {
        en: "the units your account's office manages",
        vi: 'các đơn vị do cơ quan BHXH của tài khoản quản lý',
      }
    : {
        en: 'the area your account may act in',
        vi: 'địa bàn tài khoản của bạn được phép thao tác',
      };
}

/**
 * Rows whose step is dated before an earlier step of the same person, counting the steps already
 * recorded: kept (a later step implies the earlier ones, whatever the days say), but worth a look, so
 * each gets a warning. Only rows whose day is the one kept (the earliest) are concerned. Once the rows
 * are `written`, person_steps holds the kept days; before (a file that will be rejected, or on PGlite
 * any file, so that the write transaction is not held for this), they are worked out from the staged
 * rows and the recorded ones, which gives the same days.
 */
export async function findStepsOutOfOrder(
  tx: Tx,
  table: string,
  when: 'staged' | 'written',
): Promise<Problem[]> {
  const persons = sql`select person_id from ${sql.raw(table)}`;
  const source =
    when === 'written'
      ? sql`select person_id, step, date from person_steps where person_id in (${persons})`
      : sql`select person_id, step::step as step, date from ${sql.raw(table)}
          union all
          select person_id, step, date from person_steps where person_id in (${persons})`;
  // One row per person with the kept day of each step (a hash aggregate: no sort of a million rows),
  // then each step against the latest of the steps before it (greatest() passes over nulls). The few
  // steps found are materialised before they meet the file's rows: inlined, the planner (which cannot
  // estimate the aggregate) joined every row of the file first and tested the steps a million times.
  const days = STEPS.map((s, i) => sql.raw(`min(date) filter (where step = '${s}') as d${i}`));
  const laterThanEarlier = STEPS.slice(1).map((s, i) =>
    sql.raw(
      `('${s}'::step, d${i + 1}, greatest(${STEPS.slice(0, i + 1)
        .map((_, j) => `d${j}`)
        .join(', ')}))`,
    ),
  );
  const rows = await tx.execute<{ row_no: number; step: string; date: string; earlier: string }>(sql`
    with kept as (
      select person_id, ${sql.join(days, sql`, `)} from (${source}) x group by person_id
    ),
    early as materialized (
      select k.person_id, e.step, e.date, e.earlier from kept k
      cross join lateral (values ${sql.join(laterThanEarlier, sql`, `)}) as e(step, date, earlier)
      where e.date < e.earlier
    )
    select f.row_no, f.step, f.date, l.earlier
    from ${sql.raw(table)} f join early l on l.person_id = f.person_id and l.step = f.step::step and l.date = f.date
    order by f.row_no`);
  return rows.map((r) =>
    problem(
      'STEP_ORDER',
      {
        en: `${r.step} on ${r.date} is before an earlier step dated ${r.earlier}; kept`,
        vi: `bước ${r.step} ngày ${r.date} lại trước một bước trước đó ngày ${r.earlier}; vẫn được ghi`,
      },
      { row: r.row_no, column: 'date' },
    ),
  );
}
