import { asc, type SQL, sql } from 'drizzle-orm';
import type { Reach } from '../../auth/reach.ts';
import { searchPatterns, TRANSLATE_FROM, TRANSLATE_TO } from '../../lib/search.ts';
import type { Db } from '../client.ts';
import { areas, staff } from '../schema/index.ts';
import type { AreaRow } from './areas.ts';
import { areaFiguresInReach, staffInReach, unitsInReach } from './scope.ts';
import type { StaffRow } from './staff.ts';
import { type UnitRow, unitColumns } from './units.ts';

/*
 * The header's search: units, officers and areas by code or name, without diacritics, within the
 * caller's reach. Units keep their folded text in `units.search_text`; officers and areas are few
 * (hundreds per geography), so their text is folded as it is read, with the same translate() pairs,
 * which needs no extension on PGlite or PostgreSQL.
 */

export interface SearchParams {
  /** The query folded by foldForSearch: lowercase, no diacritics, single spaces. */
  text: string;
  /** How many of each kind. */
  first: number;
  /** The geography areas are found in and units placed in (an id, or an SQL expression that gives it). */
  geographyId: number | SQL;
  reach: Reach;
}

export interface SearchResults {
  units: UnitRow[];
  officers: StaffRow[];
  areas: AreaRow[];
}

/** `text` (an SQL expression) lowercased without Vietnamese diacritics, as units.search_text is stored. */
function folded(text: SQL): SQL {
  return sql`lower(translate(${text}, ${TRANSLATE_FROM}, ${TRANSLATE_TO}))`;
}

/** Every word of the query appears in `haystack`. */
function holdsEveryWord(haystack: SQL, text: string): SQL {
  const words = searchPatterns(text).map((pattern) => sql`${haystack} like ${pattern}`);
  return words.length ? sql.join(words, sql` and `) : sql`false`;
}

/**
 * How well a code matches, for the order: the code typed exactly first, then codes that start with it,
 * then the rest, so "DV0123" is the first unit whichever names also hold those letters.
 */
function codeRank(code: SQL, text: string): SQL {
  const prefix = `${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return sql`case when lower(${code}) = ${text} then 0 when lower(${code}) like ${prefix} then 1 else 2 end`;
}

export async function searchUnits(db: Db, params: SearchParams): Promise<UnitRow[]> {
  return db.execute<UnitRow>(sql`
    /* search:units */
    select ${unitColumns(params.geographyId)} from units u
    where ${unitsInReach(params.reach)} and ${holdsEveryWord(sql`u.search_text`, params.text)}
    order by ${codeRank(sql`u.code`, params.text)}, u.name, u.code
    limit ${params.first}`);
}

export async function searchOfficers(db: Db, params: SearchParams): Promise<StaffRow[]> {
  return db
    .select()
    .from(staff)
    .where(
      sql`/* search:officers */ ${staffInReach(params.reach, sql`${staff.id}`)} and ${holdsEveryWord(
        folded(sql`${staff.code} || ' ' || ${staff.fullName}`),
        params.text,
      )}`,
    )
    .orderBy(codeRank(sql`${staff.code}`, params.text), asc(staff.fullName), asc(staff.code))
    .limit(params.first);
}

/** Areas whose figures the caller reads: an officer, whose reach is units, finds none. */
export async function searchAreas(db: Db, params: SearchParams): Promise<AreaRow[]> {
  if (params.reach.kind === 'officer') return [];
  return db
    .select()
    .from(areas)
    .where(
      sql`/* search:areas */ ${areas.geographyId} = ${params.geographyId}
        and ${areaFiguresInReach(params.reach, sql`${areas.id}`)}
        and ${holdsEveryWord(folded(sql`${areas.code} || ' ' || ${areas.name}`), params.text)}`,
    )
    .orderBy(
      codeRank(sql`${areas.code}`, params.text),
      sql`case ${areas.level} when 'PROVINCE' then 0 when 'DISTRICT' then 1 else 2 end`,
      asc(areas.name),
    )
    .limit(params.first);
}

/** The three kinds at once; each is one statement. */
export async function search(db: Db, params: SearchParams): Promise<SearchResults> {
  const [units, officers, found] = await Promise.all([
    searchUnits(db, params),
    searchOfficers(db, params),
    searchAreas(db, params),
  ]);
  return { units, officers, areas: found };
}
