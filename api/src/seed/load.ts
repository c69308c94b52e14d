import { sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { placeUnits } from '../db/places.ts';
import { rebuildRollups, type Tx } from '../db/rollups.ts';
import { dateArray, enumArray, intArray, textArray } from '../db/sql.ts';
import { refreshStatistics } from '../db/statistics.ts';
import { type AreaNode, type DataSet, generateDataSet } from './generate.ts';
import type { Scale } from './scales.ts';

const CHUNK = 20_000;

/** Tables the demo data fills, children first (areas are reference data and stay). */
const DATA_TABLES = [
  'training_attendance',
  'training_sessions',
  'unit_milestones',
  'person_blockers',
  'person_steps',
  'persons',
  'unit_assignments',
  'units',
  'staff',
  'offices',
  'unit_daily',
  'area_daily',
  'unit_totals',
  'area_totals',
];

export interface SeedResult {
  units: number;
  persons: number;
  steps: number;
  staff: number;
  milestones: number;
  milliseconds: number;
}

export class SeedRefusedError extends Error {}

/**
 * Generates the data set for the first province of the loaded hierarchy and writes it in one
 * transaction: a failure leaves the database as it was. Refuses a database that already has units
 * unless `reset` is set, which deletes every unit, person and office first (areas stay).
 */
export async function seedDatabase(
  db: Db,
  options: { scale: Scale; seed: number; reset?: boolean },
): Promise<SeedResult> {
  const started = performance.now();
  const result = await db.transaction(async (tx) => {
    const [existing] = await tx.execute<{ n: number }>(sql`select count(*)::int as n from units`);
    if ((existing?.n ?? 0) > 0) {
      if (!options.reset)
        throw new SeedRefusedError(
          `The database already has ${existing?.n} units; seed with --reset to replace all data (areas stay).`,
        );
      await tx.execute(sql.raw(`truncate ${DATA_TABLES.join(', ')} restart identity cascade`));
    }
    const province = await readProvinceTree(tx);
    const data = generateDataSet(province, options.scale, options.seed);
    await writeDataSet(tx, data);
    await placeUnits(tx, null);
    await rebuildRollups(tx);
    return {
      units: data.units.length,
      persons: data.persons.length,
      steps: data.steps.length,
      staff: data.staff.length,
      milestones: data.milestones.length,
    };
  });
  await refreshStatistics(db);
  return { ...result, milliseconds: Math.round(performance.now() - started) };
}

/**
 * The first root area of the first geography with its children and grandchildren (province →
 * districts → communes): the demo's rollout is that of 2021, in 2021's map.
 */
async function readProvinceTree(tx: Tx): Promise<AreaNode> {
  const rows = await tx.execute<{ id: number; code: string; name: string; parent_id: number | null }>(
    sql`select id, code, name, parent_id from areas
      where geography_id = (select id from geographies order by valid_from limit 1) order by code`,
  );
  const nodes = new Map(
    rows.map((r) => [r.id, { id: r.id, code: r.code, name: r.name, children: [] as AreaNode[] }]),
  );
  for (const r of rows)
    if (r.parent_id !== null) nodes.get(r.parent_id)?.children.push(nodes.get(r.id) as AreaNode);
  const root = rows.find((r) => r.parent_id === null);
  if (!root)
    throw new SeedRefusedError('No areas are loaded; load a reference list first (pnpm cli import areas …).');
  return nodes.get(root.id) as AreaNode;
}

async function insertColumns(
  tx: Tx,
  table: string,
  columns: [string, ReturnType<typeof sql>][],
): Promise<void> {
  await tx.execute(sql`insert into ${sql.identifier(table)} (${sql.raw(columns.map(([c]) => c).join(', '))})
    select * from unnest(${sql.join(
      columns.map(([, v]) => v),
      sql`, `,
    )})`);
}

async function inChunks<T>(rows: T[], write: (chunk: T[]) => Promise<void>): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) await write(rows.slice(i, i + CHUNK));
}

async function writeDataSet(tx: Tx, data: DataSet): Promise<void> {
  await insertColumns(tx, 'offices', [
    ['id', intArray(data.offices.map((o) => o.id))],
    ['code', textArray(data.offices.map((o) => o.code))],
    ['name', textArray(data.offices.map((o) => o.name))],
    ['area_id', intArray(data.offices.map((o) => o.areaId))],
  ]);
  await insertColumns(tx, 'staff', [
    ['id', intArray(data.staff.map((s) => s.id))],
    ['code', textArray(data.staff.map((s) => s.code))],
    ['full_name', textArray(data.staff.map((s) => s.fullName))],
    ['office_id', intArray(data.staff.map((s) => s.officeId))],
    ['email', textArray(data.staff.map((s) => s.email))],
    ['phone', textArray(data.staff.map((s) => s.phone))],
  ]);
  await inChunks(data.units, (units) =>
    insertColumns(tx, 'units', [
      ['id', intArray(units.map((u) => u.id))],
      ['code', textArray(units.map((u) => u.code))],
      ['name', textArray(units.map((u) => u.name))],
      ['tax_code', textArray(units.map((u) => u.taxCode))],
      ['address', textArray(units.map((u) => u.address))],
      ['area_id', intArray(units.map((u) => u.areaId))],
      ['office_id', intArray(units.map((u) => u.officeId))],
      [
        'sector',
        enumArray(
          units.map((u) => u.sector),
          'sector',
        ),
      ],
    ]),
  );
  await inChunks(data.assignments, (rows) =>
    insertColumns(tx, 'unit_assignments', [
      ['unit_id', intArray(rows.map((r) => r.unitId))],
      ['staff_id', intArray(rows.map((r) => r.staffId))],
      ['from_date', dateArray(rows.map((r) => r.fromDate))],
    ]),
  );
  await inChunks(data.persons, (rows) =>
    insertColumns(tx, 'persons', [
      ['id', intArray(rows.map((r) => r.id))],
      ['social_insurance_code', textArray(rows.map((r) => r.socialInsuranceCode))],
      ['full_name', textArray(rows.map((r) => r.fullName))],
      ['birth_date', dateArray(rows.map((r) => r.birthDate))],
      [
        'gender',
        enumArray(
          rows.map((r) => r.gender),
          'gender',
        ),
      ],
      ['id_number', textArray(rows.map((r) => r.idNumber))],
      ['phone', textArray(rows.map((r) => r.phone))],
      ['unit_id', intArray(rows.map((r) => r.unitId))],
    ]),
  );
  await inChunks(data.steps, (rows) =>
    insertColumns(tx, 'person_steps', [
      ['person_id', intArray(rows.map((r) => r.personId))],
      [
        'step',
        enumArray(
          rows.map((r) => r.step),
          'step',
        ),
      ],
      ['date', dateArray(rows.map((r) => r.date))],
    ]),
  );
  await inChunks(data.blockers, (rows) =>
    insertColumns(tx, 'person_blockers', [
      ['person_id', intArray(rows.map((r) => r.personId))],
      [
        'reason',
        enumArray(
          rows.map((r) => r.reason),
          'blocker_reason',
        ),
      ],
      ['recorded_on', dateArray(rows.map((r) => r.recordedOn))],
    ]),
  );
  await inChunks(data.milestones, (rows) =>
    insertColumns(tx, 'unit_milestones', [
      ['unit_id', intArray(rows.map((r) => r.unitId))],
      [
        'milestone',
        enumArray(
          rows.map((r) => r.milestone),
          'milestone',
        ),
      ],
      ['date', dateArray(rows.map((r) => r.date))],
      ['staff_id', intArray(rows.map((r) => r.staffId))],
    ]),
  );
  await insertColumns(tx, 'training_sessions', [
    ['id', intArray(data.trainings.map((t) => t.id))],
    ['office_id', intArray(data.trainings.map((t) => t.officeId))],
    ['held_on', dateArray(data.trainings.map((t) => t.heldOn))],
    ['title', textArray(data.trainings.map((t) => t.title))],
    ['location', textArray(data.trainings.map((t) => t.location))],
  ]);
  const attendance = data.trainings.flatMap((t) => t.unitIds.map((unitId) => ({ sessionId: t.id, unitId })));
  await insertColumns(tx, 'training_attendance', [
    ['session_id', intArray(attendance.map((a) => a.sessionId))],
    ['unit_id', intArray(attendance.map((a) => a.unitId))],
  ]);
  // Ids were given explicitly; move the sequences past them so later inserts do not collide.
  for (const table of ['offices', 'staff', 'units', 'unit_assignments', 'persons', 'training_sessions']) {
    await tx.execute(
      sql.raw(
        `select setval(pg_get_serial_sequence('${table}', 'id'), greatest((select max(id) from ${table}), 1))`,
      ),
    );
  }
}
