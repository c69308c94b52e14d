import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { listGeographyRefs } from '../db/queries/geographies.ts';

/*
 * The later geographies of Khánh Hòa shipped beside the 2021 list (see SOURCES.md): 1/11/2024 (Nghị
 * quyết 1196/NQ-UBTVQH15, 132 communes) and 1/7/2025 (Nghị quyết 1667/NQ-UBTVQH15, 65 communes, wards
 * and one đặc khu, no districts). The migrations make the 2021 list the first geography, KH-2021.
 */

const here = path.dirname(new URL(import.meta.url).pathname);

export const SHIPPED_GEOGRAPHIES = [
  {
    code: 'KH-2024',
    name: 'Từ 01/11/2024 đến 30/06/2025: 9 huyện, 132 xã, phường, thị trấn',
    validFrom: '2024-11-01',
    files: 'khanh-hoa-2024-11-01',
  },
  {
    code: 'KH-2025',
    name: 'Từ 01/07/2025: 65 xã, phường, đặc khu, không còn cấp huyện',
    validFrom: '2025-07-01',
    files: 'khanh-hoa-2025-07-01',
  },
] as const;

/**
 * Adds the shipped geographies the database lacks, in order, after the 2021 one; the ones it has
 * (by code) are left as they are. Only over the shipped 2021 list: a database whose first map is
 * another province's (or a test's) is left alone. Returns the codes added.
 */
export async function addShippedGeographies(db: Db): Promise<string[]> {
  const [first] = await db.execute<{ code: string; areas: number; province: string | null }>(sql`
    select g.code, (select count(*)::int from areas a where a.geography_id = g.id) as areas,
      (select a.name from areas a where a.geography_id = g.id and a.code = '56' and a.parent_id is null) as province
    from geographies g order by g.valid_from limit 1`);
  if (first?.code !== 'KH-2021' || first.province !== 'Tỉnh Khánh Hòa' || first.areas !== 149) return [];
  const existing = await listGeographyRefs(db);
  const missing = SHIPPED_GEOGRAPHIES.filter((shipped) => !existing.some((g) => g.code === shipped.code));
  if (missing.length === 0) return [];
  // Loaded only when there is something to add: the CSV and mapping code is most of a command's start.
  const { addGeography } = await import('../geographies/add.ts');
  const added: string[] = [];
  for (const shipped of missing) {
    // Only onto the list they were made from: a database whose map has moved on is the operator's.
    const last = (await listGeographyRefs(db)).at(-1);
    if ((last?.validFrom ?? '') >= shipped.validFrom) continue;
    const file = (suffix: string) => {
      const fileName = `${shipped.files}.${suffix}.csv`;
      return { bytes: fs.readFileSync(path.join(here, fileName)), fileName };
    };
    await addGeography(db, {
      code: shipped.code,
      name: shipped.name,
      validFrom: shipped.validFrom,
      areas: file('areas'),
      mapping: file('mapping'),
    });
    added.push(shipped.code);
  }
  return added;
}
