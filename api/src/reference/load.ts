import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { rebuildAreaClosure, type Tx } from '../db/rollups.ts';
import { enumArray, textArray } from '../db/sql.ts';

/** Khánh Hòa as of 2021 (9 districts, 139 communes); see SOURCES.md beside the file. */
export const KHANH_HOA_2021 = path.join(
  path.dirname(new URL(import.meta.url).pathname),
  'khanh-hoa-2021.csv',
);

export interface AreaRecord {
  code: string;
  name: string;
  level: 'PROVINCE' | 'DISTRICT' | 'COMMUNE';
  parentCode: string | null;
}

export function readReferenceAreas(file = KHANH_HOA_2021): AreaRecord[] {
  const rows = parse(fs.readFileSync(file), {
    columns: true,
    bom: true,
    skip_empty_lines: true,
    trim: true,
  }) as Record<string, string>[];
  return rows.map((r) => ({
    code: r.area_code as string,
    name: (r.name as string).normalize('NFC'),
    level: r.level as AreaRecord['level'],
    parentCode: r.parent_code ? r.parent_code : null,
  }));
}

/**
 * Inserts or updates areas by code in a geography (the first one when omitted), links parents by
 * code, and rebuilds the closure, all set-based.
 */
export async function upsertAreas(tx: Tx, records: AreaRecord[], geographyId?: number): Promise<void> {
  const codes = records.map((r) => r.code);
  const geography = geographyId ?? sql`(select id from geographies order by valid_from limit 1)`;
  await tx.execute(sql`
    insert into areas (geography_id, code, name, level)
    select ${geography}, * from unnest(${textArray(codes)}, ${textArray(records.map((r) => r.name))}, ${enumArray(
      records.map((r) => r.level),
      'area_level',
    )})
    on conflict (geography_id, code) do update set name = excluded.name, level = excluded.level`);
  await tx.execute(sql`
    update areas a set parent_id = p.id
    from unnest(${textArray(codes)}, ${textArray(records.map((r) => r.parentCode ?? ''))}) as x(code, parent_code)
    left join areas p on p.code = x.parent_code and p.geography_id = ${geography}
    where a.code = x.code and a.geography_id = ${geography}`);
  await rebuildAreaClosure(tx);
}

/** Loads the shipped reference list when the database has no areas yet; returns whether it did. */
export async function loadReferenceIfEmpty(db: Db): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [row] = await tx.execute<{ n: number }>(sql`select count(*)::int as n from areas`);
    if ((row?.n ?? 0) > 0) return false;
    await upsertAreas(tx, readReferenceAreas());
    return true;
  });
}
