import { sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { placeInGeography } from '../db/places.ts';
import { type GeographyRef, geographyOn, listGeographyRefs } from '../db/queries/geographies.ts';
import { rebuildAreaClosure, rollUpGeography, type Tx } from '../db/rollups.ts';
import { boolArray, enumArray, intArray, textArray } from '../db/sql.ts';
import { addDays, type IsoDate, parseUserDate } from '../lib/dates.ts';
import { AREAS_SPEC, type FileRow, MAPPING_SPEC, readRows, UNITS_SPEC } from './files.ts';

/*
 * `pnpm cli geography add`: a new version of the map, all or nothing. Its areas are checked as a
 * hierarchy of their own, its mapping against the areas of the geography in force the day before it
 * (every old area that holds units directly must be mapped, an area split between several new ones
 * has one default part), and the units file against the splits. Then the areas are written, every
 * unit is placed in it (db/places.ts) and its areas' rollups are summed from the units' rollups: no
 * figure of any other geography is touched.
 */

export interface GeographyFile {
  bytes: Buffer;
  fileName: string;
}

export interface AddGeographyRequest {
  code: string;
  name: string;
  validFrom: string;
  areas: GeographyFile;
  mapping: GeographyFile;
  units?: GeographyFile;
  dryRun?: boolean;
}

export interface AddGeographySummary {
  code: string;
  validFrom: IsoDate;
  /** The geography its mapping starts from (in force the day before). */
  previous: string;
  areas: number;
  mappings: number;
  /** How many units were placed by each rule. */
  placed: { byArea: number; byDefault: number; byUnitsFile: number; atRoot: number };
  dryRun: boolean;
}

/** A geography that cannot be added as asked: every line says what is wrong, and where. */
export class GeographyRefusedError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('\n'));
  }
}

const CODE = /^[0-9A-Za-z._-]{1,32}$/;

class DryRun extends Error {}

export async function addGeography(db: Db, request: AddGeographyRequest): Promise<AddGeographySummary> {
  const problems: string[] = [];
  if (!CODE.test(request.code))
    problems.push(`the code "${request.code}" must be 1 to 32 letters, digits, ".", "_" or "-" (KH-2025)`);
  if (request.name.trim() === '') problems.push('--name is empty');
  const validFrom = parseUserDate(request.validFrom);
  if (!validFrom)
    problems.push(`--valid-from "${request.validFrom}" is not a real day (yyyy-mm-dd or dd/mm/yyyy)`);
  const existing = await listGeographyRefs(db);
  if (existing.some((g) => g.code === request.code))
    problems.push(`a geography "${request.code}" exists already (pnpm cli geography list)`);
  const last = existing.at(-1);
  if (validFrom && last && validFrom <= last.validFrom)
    problems.push(
      `--valid-from ${validFrom} is not after ${last.validFrom}, the day the last geography (${last.code}) took effect: a geography is added after the last one`,
    );
  const [areas, mapping, units] = await Promise.all([
    readRows(request.areas.bytes, request.areas.fileName, AREAS_SPEC),
    readRows(request.mapping.bytes, request.mapping.fileName, MAPPING_SPEC),
    request.units ? readRows(request.units.bytes, request.units.fileName, UNITS_SPEC) : null,
  ]);
  problems.push(...areas.problems, ...mapping.problems, ...(units?.problems ?? []));
  if (problems.length > 0 || !validFrom) throw new GeographyRefusedError(problems);

  const previous = await geographyOn(db, addDays(validFrom, -1));
  problems.push(...checkAreas(areas.rows, request.areas.fileName));
  if (problems.length > 0) throw new GeographyRefusedError(problems);
  let summary: AddGeographySummary | null = null;
  try {
    return await db.transaction(async (tx) => {
      summary = await write(tx, {
        request,
        validFrom,
        previous,
        areas: areas.rows,
        mapping: mapping.rows,
        units: units?.rows ?? [],
      });
      // A dry run does everything, then rolls it back.
      if (request.dryRun) throw new DryRun();
      return summary;
    });
  } catch (error) {
    if (error instanceof DryRun && summary) return summary;
    throw error;
  }
}

/** The areas as a hierarchy of their own: codes once, parents among them, no cycle, a root. */
function checkAreas(rows: FileRow[], file: string): string[] {
  const problems: string[] = [];
  const byCode = new Map<string, FileRow>();
  for (const r of rows) {
    const code = r.values.area_code as string;
    if (byCode.has(code))
      problems.push(
        `${file}: row ${r.row}, column area_code: "${code}" appears again (first in row ${byCode.get(code)?.row})`,
      );
    else byCode.set(code, r);
  }
  for (const r of rows) {
    const parent = r.values.parent_code;
    if (parent && !byCode.has(parent))
      problems.push(`${file}: row ${r.row}, column parent_code: no area "${parent}" in this file`);
  }
  for (const r of rows) {
    const seen = new Set<string>();
    let at: string | null | undefined = r.values.area_code;
    while (at && !seen.has(at)) {
      seen.add(at);
      at = byCode.get(at)?.values.parent_code;
    }
    if (at)
      problems.push(
        `${file}: row ${r.row}, column parent_code: the parents of "${r.values.area_code}" come back to it`,
      );
  }
  if (rows.length > 0 && !rows.some((r) => !r.values.parent_code))
    problems.push(`${file}: no area without a parent_code: the geography needs its province`);
  if (rows.length === 0) problems.push(`${file}: no areas`);
  return problems;
}

interface Checked {
  request: AddGeographyRequest;
  validFrom: IsoDate;
  /** The geography in force the day before: the one the mapping's old codes are read in. */
  previous: GeographyRef;
  areas: FileRow[];
  mapping: FileRow[];
  units: FileRow[];
}

async function write(tx: Tx, input: Checked): Promise<AddGeographySummary> {
  const { request, areas, mapping } = input;
  const previousId = input.previous.id;
  const [geography] = await tx.execute<{ id: number }>(sql`
    insert into geographies (code, name, valid_from) values (${request.code}, ${request.name.trim()}, ${input.validFrom})
    returning id`);
  const id = (geography as { id: number }).id;
  const codes = areas.map((r) => r.values.area_code as string);
  await tx.execute(sql`
    insert into areas (geography_id, code, name, level)
    select ${id}::int, * from unnest(${textArray(codes)}, ${textArray(areas.map((r) => r.values.name as string))},
      ${enumArray(
        areas.map((r) => r.values.level as string),
        'area_level',
      )})`);
  await tx.execute(sql`
    update areas a set parent_id = p.id
    from unnest(${textArray(codes)}, ${textArray(areas.map((r) => r.values.parent_code ?? ''))}) as x(code, parent_code)
    join areas p on p.code = x.parent_code and p.geography_id = ${id}
    where a.code = x.code and a.geography_id = ${id}`);
  await rebuildAreaClosure(tx);

  const problems = await writeMapping(tx, id, input);
  problems.push(...(await writeChoices(tx, id, input)));
  if (problems.length > 0) throw new GeographyRefusedError(problems);

  await placeInGeography(tx, previousId, id);
  // The statistics the planner had knew nothing of this geography's rows: planned on them, counting
  // the placements below took 4,8–6 s instead of under 0,1 s at the province scale. ANALYZE in the transaction
  // counts its own rows (and a dry run's roll back with it).
  await tx.execute(
    sql`analyze areas, area_closure, area_mappings, unit_place_choices, unit_places, unit_areas`,
  );
  await rollUpGeography(tx, id);
  await tx.execute(sql`analyze area_daily, area_totals`);
  const [placed] = await tx.execute<AddGeographySummary['placed']>(sql`
    select count(*) filter (where ch.unit_id is not null)::int as "byUnitsFile",
      count(*) filter (where ch.unit_id is null and m.parts = 1)::int as "byArea",
      count(*) filter (where ch.unit_id is null and m.parts > 1)::int as "byDefault",
      count(*) filter (where ch.unit_id is null and m.parts is null)::int as "atRoot"
    from unit_places p
    join unit_places old on old.unit_id = p.unit_id and old.geography_id = ${previousId}
    left join unit_place_choices ch on ch.unit_id = p.unit_id and ch.geography_id = ${id} and ch.area_id = p.area_id
    left join lateral (
      select count(*)::int as parts from area_closure c join area_mappings m on m.old_area_id = c.ancestor_id and m.geography_id = ${id}
      where c.descendant_id = old.area_id
      group by c.depth order by c.depth limit 1
    ) m on true
    where p.geography_id = ${id}`);
  return {
    code: request.code,
    validFrom: input.validFrom,
    previous: input.previous.code,
    areas: areas.length,
    mappings: mapping.length,
    placed: placed as AddGeographySummary['placed'],
    dryRun: request.dryRun === true,
  };
}

/** Writes the mapping; what is wrong with it, by row. */
async function writeMapping(tx: Tx, id: number, input: Checked): Promise<string[]> {
  const previousId = input.previous.id;
  const file = input.request.mapping.fileName;
  const rows = input.mapping;
  const problems: string[] = [];
  const found = await tx.execute<{ row_no: number; old_id: number | null; new_id: number | null }>(sql`
    select x.row_no, o.id as old_id, n.id as new_id
    from unnest(${intArray(rows.map((r) => r.row))}, ${textArray(rows.map((r) => r.values.old_area_code as string))},
      ${textArray(rows.map((r) => r.values.new_area_code as string))}) as x(row_no, old_code, new_code)
    left join areas o on o.code = x.old_code and o.geography_id = ${previousId}
    left join areas n on n.code = x.new_code and n.geography_id = ${id}
    order by x.row_no`);
  const previous = input.previous;
  const pairs = new Map<string, number>();
  const parts = new Map<number, { rows: FileRow[]; defaults: number }>();
  const valid: { row: FileRow; oldId: number; newId: number }[] = [];
  found.forEach((f, i) => {
    const row = rows[i] as FileRow;
    const { old_area_code: oldCode, new_area_code: newCode } = row.values;
    if (f.old_id === null)
      problems.push(
        `${file}: row ${row.row}, column old_area_code: no area "${oldCode}" in ${previous.code}, the geography in force the day before`,
      );
    if (f.new_id === null)
      problems.push(`${file}: row ${row.row}, column new_area_code: no area "${newCode}" in the areas file`);
    if (f.old_id === null || f.new_id === null) return;
    const pair = `${f.old_id}:${f.new_id}`;
    if (pairs.has(pair)) {
      problems.push(
        `${file}: row ${row.row}: "${oldCode}" → "${newCode}" appears again (first in row ${pairs.get(pair)})`,
      );
      return;
    }
    pairs.set(pair, row.row);
    const part = parts.get(f.old_id) ?? { rows: [], defaults: 0 };
    part.rows.push(row);
    if (row.values.default === '1') part.defaults++;
    parts.set(f.old_id, part);
    valid.push({ row, oldId: f.old_id, newId: f.new_id });
  });
  for (const part of parts.values()) {
    const oldCode = part.rows[0]?.values.old_area_code;
    if (part.rows.length > 1 && part.defaults !== 1)
      problems.push(
        `${file}: "${oldCode}" is split between ${part.rows.length} areas (rows ${part.rows.map((r) => r.row).join(', ')}); exactly one of them needs default = 1, ${part.defaults} ${part.defaults === 1 ? 'has' : 'have'} it`,
      );
    if (part.rows.length === 1 && part.rows[0]?.values.default === '0')
      problems.push(
        `${file}: row ${part.rows[0]?.row}: "${oldCode}" has one row only, which cannot be default = 0`,
      );
  }
  // Every old area holding units directly must be mapped: its units would have nowhere to go.
  const unmapped = await tx.execute<{ code: string; units: number }>(sql`
    select a.code, count(*)::int as units from unit_places p join areas a on a.id = p.area_id
    where p.geography_id = ${previousId} and not (a.id = any(${intArray([...parts.keys()])}))
    group by a.code order by a.code`);
  for (const u of unmapped)
    problems.push(
      `${file}: "${u.code}" of ${previous.code} holds ${u.units} unit${u.units === 1 ? '' : 's'} but has no row`,
    );
  if (problems.length > 0) return problems;
  await tx.execute(sql`
    insert into area_mappings (geography_id, old_area_id, new_area_id, is_default)
    select ${id}::int, * from unnest(${intArray(valid.map((v) => v.oldId))}, ${intArray(valid.map((v) => v.newId))},
      ${boolArray(valid.map((v) => (parts.get(v.oldId)?.rows.length ?? 0) === 1 || v.row.values.default === '1'))})`);
  return problems;
}

/** Writes where the units of split areas lie; what is wrong with the units file, by row. */
async function writeChoices(tx: Tx, id: number, input: Checked): Promise<string[]> {
  const previousId = input.previous.id;
  const rows = input.units;
  if (rows.length === 0) return [];
  const file = input.request.units?.fileName ?? 'units';
  const problems: string[] = [];
  const found = await tx.execute<{
    unit_id: number | null;
    area_id: number | null;
    old_code: string | null;
    allowed: boolean;
  }>(sql`
    select u.id as unit_id, n.id as area_id, o.code as old_code,
      exists (select 1 from area_closure c join area_mappings m on m.old_area_id = c.ancestor_id and m.geography_id = ${id}
        where c.descendant_id = p.area_id and m.new_area_id = n.id) as allowed
    from unnest(${intArray(rows.map((r) => r.row))}, ${textArray(rows.map((r) => r.values.unit_code as string))},
      ${textArray(rows.map((r) => r.values.area_code as string))}) as x(row_no, unit_code, area_code)
    left join units u on u.code = x.unit_code
    left join unit_places p on p.unit_id = u.id and p.geography_id = ${previousId}
    left join areas o on o.id = p.area_id
    left join areas n on n.code = x.area_code and n.geography_id = ${id}
    order by x.row_no`);
  const seen = new Map<number, number>();
  found.forEach((f, i) => {
    const row = rows[i] as FileRow;
    const { unit_code: unit, area_code: area } = row.values;
    if (f.unit_id === null) problems.push(`${file}: row ${row.row}, column unit_code: no unit "${unit}"`);
    else if (seen.has(f.unit_id))
      problems.push(
        `${file}: row ${row.row}, column unit_code: "${unit}" appears again (first in row ${seen.get(f.unit_id)})`,
      );
    if (f.area_id === null)
      problems.push(`${file}: row ${row.row}, column area_code: no area "${area}" in the areas file`);
    else if (f.unit_id !== null && !f.allowed)
      problems.push(
        `${file}: row ${row.row}, column area_code: unit "${unit}" lies in "${f.old_code}", which the mapping does not take to "${area}"`,
      );
    if (f.unit_id !== null) seen.set(f.unit_id, row.row);
  });
  if (problems.length > 0) return problems;
  await tx.execute(sql`
    insert into unit_place_choices (unit_id, geography_id, area_id)
    select u, ${id}::int, a from unnest(${intArray(found.map((f) => f.unit_id as number))}, ${intArray(found.map((f) => f.area_id as number))}) as x(u, a)`);
  return problems;
}
