import { type SQL, sql } from 'drizzle-orm';
import type { Tx } from './rollups.ts';
import { intArray } from './sql.ts';

/*
 * Where every unit lies in every geography (unit_places), derived from where it was recorded
 * (units.area_id, an area of one geography) through the mappings each geography was formed by:
 *
 * - Forwards, into a later geography: the new area of the unit's area (or of its nearest area above
 *   that has one); for an area that was split, the part the geography's `--units` file chose for the
 *   unit, else the default part.
 * - Backwards, into an earlier geography: the old areas its area was formed from, and of those the
 *   smallest area that holds them all. A unit recorded in a 2025 commune formed from three 2021
 *   communes of one district lies in that district in 2021, commune unknown, as a unit recorded
 *   without its commune always has: nothing is invented.
 *
 * A geography's root stands in where no mapping says anything, so every unit has a place in every
 * geography. Like the rollups this is derived data: every write of units or areas calls placeUnits,
 * which keeps unit_areas (every area above each place) with unit_places, and the rollups are kept
 * after it.
 */

/** Recomputes the places of the given units (every unit when null), in every geography. */
export async function placeUnits(tx: Tx, unitIds: readonly number[] | null): Promise<void> {
  const only = (column: string): SQL =>
    unitIds ? sql`${sql.raw(column)} = any(${intArray(unitIds)})` : sql`true`;
  if (unitIds?.length === 0) return;
  await tx.execute(sql`delete from unit_places where ${only('unit_id')}`);
  await tx.execute(sql`
    insert into unit_places (unit_id, geography_id, area_id)
    select u.id, a.geography_id, u.area_id from units u join areas a on a.id = u.area_id where ${only('u.id')}`);
  const geographies = await tx.execute<{ id: number }>(sql`select id from geographies order by valid_from`);
  const ids = geographies.map((g) => g.id);
  for (let i = 0; i + 1 < ids.length; i++)
    await tx.execute(forwards(ids[i] as number, ids[i + 1] as number, only('p.unit_id')));
  for (let i = ids.length - 1; i > 0; i--)
    await tx.execute(backwards(ids[i] as number, ids[i - 1] as number, only('p.unit_id')));
  await tx.execute(sql`delete from unit_areas where ${only('unit_id')}`);
  await tx.execute(unitAreasOf(only('p.unit_id')));
}

/** Writes unit_areas for the places `which` selects (`p`, a row of unit_places): each area above them. */
function unitAreasOf(which: SQL): SQL {
  return sql`
    insert into unit_areas (unit_id, geography_id, area_id, depth)
    select p.unit_id, p.geography_id, c.ancestor_id, c.depth
    from unit_places p join area_closure c on c.descendant_id = p.area_id
    where ${which}`;
}

/**
 * Places every unit in a geography just added after `previous`, from its place there: the one step
 * forwards that adding a geography needs (every other place stays as it was).
 */
export async function placeInGeography(tx: Tx, previous: number, added: number): Promise<void> {
  await tx.execute(forwards(previous, added, sql`true`));
  await tx.execute(unitAreasOf(sql`p.geography_id = ${added}`));
}

/** The root of a geography (its province), where a unit no mapping places lies. */
function rootOf(geographyId: number): SQL {
  return sql`(select r.id from areas r where r.geography_id = ${geographyId} and r.parent_id is null order by r.code limit 1)`;
}

/** Places in `later` the units placed in `earlier` and not yet in `later`. */
function forwards(earlier: number, later: number, units: SQL): SQL {
  return sql`
    insert into unit_places (unit_id, geography_id, area_id)
    select p.unit_id, ${later}::int, coalesce(
      (select ch.area_id from unit_place_choices ch
        where ch.unit_id = p.unit_id and ch.geography_id = ${later}
          and exists (select 1 from area_mappings m2 where m2.old_area_id = m.old_area_id and m2.new_area_id = ch.area_id)),
      m.new_area_id,
      ${rootOf(later)})
    from unit_places p
    left join lateral (
      select m.old_area_id, m.new_area_id from area_closure c
      join area_mappings m on m.old_area_id = c.ancestor_id and m.geography_id = ${later} and m.is_default
      where c.descendant_id = p.area_id order by c.depth limit 1
    ) m on true
    where p.geography_id = ${earlier} and ${units}
      and not exists (select 1 from unit_places q where q.unit_id = p.unit_id and q.geography_id = ${later})`;
}

/** Places in `earlier` the units placed in `later` and not yet in `earlier`. */
function backwards(later: number, earlier: number, units: SQL): SQL {
  return sql`
    insert into unit_places (unit_id, geography_id, area_id)
    select p.unit_id, ${earlier}::int, coalesce(
      (select c.ancestor_id from area_closure c
        where c.descendant_id in (select m.old_area_id from area_mappings m where m.geography_id = ${later} and m.new_area_id = t.area_id)
        group by c.ancestor_id
        having count(*) = (select count(*) from area_mappings m where m.geography_id = ${later} and m.new_area_id = t.area_id)
        order by max(c.depth) limit 1),
      ${rootOf(earlier)})
    from unit_places p
    left join lateral (
      select c.ancestor_id as area_id from area_closure c
      where c.descendant_id = p.area_id
        and exists (select 1 from area_mappings m where m.geography_id = ${later} and m.new_area_id = c.ancestor_id)
      order by c.depth limit 1
    ) t on true
    where p.geography_id = ${later} and ${units}
      and not exists (select 1 from unit_places q where q.unit_id = p.unit_id and q.geography_id = ${earlier})`;
}
