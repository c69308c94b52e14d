import { type SQL, sql } from 'drizzle-orm';
import type { Reach } from '../../auth/reach.ts';
import type { IsoDate } from '../../lib/dates.ts';
import type { Db } from '../client.ts';
import { areaFiguresInReach } from './scope.ts';

export type StoredFormat = 'docx' | 'pdf' | 'xlsx';

/** A published report without its files. */
export interface PublishedReportRow extends Record<string, unknown> {
  id: number;
  year: number;
  seq: number;
  number: string;
  title: string;
  areaId: number;
  areaCode: string;
  areaName: string;
  officeName: string | null;
  /** The geography the report was made in (its area's). */
  geography: string;
  asOf: IsoDate;
  compare: IsoDate;
  issuedOn: IsoDate;
  authorId: number | null;
  /** The account's display name, or the operating-system user of `pnpm cli`. */
  authorName: string;
  createdAt: string;
  files: { format: StoredFormat; sha256: string; bytes: number }[];
}

const columns = sql`
  r.id, r.year, r.seq, r.number, r.title, r.area_id as "areaId", a.code as "areaCode", a.name as "areaName",
  (select o.name from offices o where o.id = r.office_id) as "officeName",
  (select g.code from geographies g where g.id = a.geography_id) as geography, r.as_of as "asOf", r.compare, r.issued_on as "issuedOn", r.author_id as "authorId",
  coalesce(u.display_name, r.author_name) as "authorName",
  to_char(r.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as "createdAt",
  json_build_array(
    json_build_object('format', 'docx', 'sha256', r.docx_sha256, 'bytes', octet_length(r.docx)),
    json_build_object('format', 'pdf', 'sha256', r.pdf_sha256, 'bytes', octet_length(r.pdf)),
    json_build_object('format', 'xlsx', 'sha256', r.xlsx_sha256, 'bytes', octet_length(r.xlsx))
  ) as files`;

const from = sql`published_reports r join areas a on a.id = r.area_id left join users u on u.id = r.author_id`;

export interface NewPublishedReport {
  /** The issuer's number series (reports/issuer.ts). */
  series: string;
  year: number;
  seq: number;
  number: string;
  title: string;
  areaId: number;
  officeId: number | null;
  asOf: IsoDate;
  compare: IsoDate;
  issuedOn: IsoDate;
  figures: unknown;
  files: Record<StoredFormat, { bytes: Buffer; sha256: string }>;
  authorId: number | null;
  authorName: string;
}

/** The next number of the year in a series: one more than the highest issued so far (1 for the first). */
export async function nextReportSeq(db: Db, year: number, series: string): Promise<number> {
  const [row] = await db.execute<{ seq: number }>(
    sql`select coalesce(max(seq), 0)::int + 1 as seq from published_reports where series = ${series} and year = ${year}`,
  );
  return row?.seq ?? 1;
}

/**
 * Stores a published report; null when its number was taken meanwhile (two publications at the same
 * moment), so that the caller can number it again.
 */
export async function insertPublishedReport(db: Db, report: NewPublishedReport): Promise<number | null> {
  const { files } = report;
  const rows = await db.execute<{ id: number }>(sql`
    /* reports:publish */
    insert into published_reports (series, year, seq, number, title, area_id, office_id, as_of, compare, issued_on, figures,
      docx, docx_sha256, pdf, pdf_sha256, xlsx, xlsx_sha256, author_id, author_name)
    values (${report.series}, ${report.year}, ${report.seq}, ${report.number}, ${report.title}, ${report.areaId}, ${report.officeId}, ${report.asOf},
      ${report.compare}, ${report.issuedOn}, ${JSON.stringify(report.figures)}::jsonb,
      ${files.docx.bytes}, ${files.docx.sha256}, ${files.pdf.bytes}, ${files.pdf.sha256},
      ${files.xlsx.bytes}, ${files.xlsx.sha256}, ${report.authorId}, ${report.authorName})
    on conflict (series, year, seq) do nothing
    returning id`);
  return rows[0]?.id ?? null;
}

/**
 * The condition that a published report (`r`) is the caller's to read: one about an area whose
 * figures it may read, or, for an office's account, its office's reports too.
 */
function reportInReach(reach: Reach): SQL {
  const ofArea = areaFiguresInReach(reach, sql`r.area_id`);
  if (reach.kind === 'all') return ofArea;
  const ofOffice = reach.kind === 'office' ? sql`r.office_id = ${reach.officeId}` : sql`false`;
  return sql`(${ofOffice} or (r.office_id is null and ${ofArea}))`;
}

/** Published reports the caller may read (reportInReach), the latest first. */
export async function listPublishedReports(
  db: Db,
  { reach, first }: { reach: Reach; first: number },
): Promise<PublishedReportRow[]> {
  return db.execute<PublishedReportRow>(sql`
    /* reports:list */
    select ${columns} from ${from}
    where ${reportInReach(reach)}
    order by r.created_at desc, r.id desc
    limit ${first}`);
}

/** One published report by id, with whether the caller may read it (to tell FORBIDDEN from NOT_FOUND). */
export async function getPublishedReport(
  db: Db,
  { id, reach }: { id: number; reach: Reach },
): Promise<{ report: PublishedReportRow; figures: unknown; inReach: boolean } | undefined> {
  const [row] = await db.execute<PublishedReportRow & { figures: unknown; inReach: boolean }>(sql`
    /* reports:one */
    select ${columns}, r.figures, ${reportInReach(reach)} as "inReach"
    from ${from} where r.id = ${id}`);
  if (!row) return undefined;
  const { figures, inReach, ...report } = row;
  return { report, figures: typeof figures === 'string' ? JSON.parse(figures) : figures, inReach };
}

/**
 * The id of the report numbered `seq` in `year` of a series (the province's by default), or the
 * latest so numbered when no year is given.
 */
export async function findReportByNumber(
  db: Db,
  seq: number,
  year?: number,
  series = 'province',
): Promise<number | undefined> {
  const [row] = await db.execute<{ id: number }>(sql`
    select id from published_reports where series = ${series} and seq = ${seq} ${year === undefined ? sql`` : sql`and year = ${year}`}
    order by year desc limit 1`);
  return row?.id;
}

/** The stored bytes of one file of a published report, exactly as they were made when it was published. */
export async function getPublishedFile(
  db: Db,
  { id, format }: { id: number; format: StoredFormat },
): Promise<{ bytes: Buffer; sha256: string } | undefined> {
  const column = sql.raw(format);
  const hash = sql.raw(`${format}_sha256`);
  const [row] = await db.execute<{ bytes: Buffer | Uint8Array; sha256: string }>(
    sql`/* reports:file */ select ${column} as bytes, ${hash} as sha256 from published_reports where id = ${id}`,
  );
  return row ? { bytes: Buffer.from(row.bytes), sha256: row.sha256 } : undefined;
}
