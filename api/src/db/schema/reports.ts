import { sql } from 'drizzle-orm';
import {
  check,
  customType,
  date,
  integer,
  jsonb,
  pgTable,
  serial,
  text,
  timestamp,
  unique,
} from 'drizzle-orm/pg-core';
import { users } from './accounts.ts';
import { areas } from './areas.ts';
import { offices } from './offices.ts';

/** Raw bytes: both drivers' `bytea` comes back as a Buffer. */
const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => 'bytea' });

/**
 * A progress report as it was sent: its figures (jsonb) and the three files made from them when it
 * was published, each with its SHA-256. Nothing here is ever recomputed or updated: later corrections
 * to the data show as differences against these figures, not as a changed report.
 */
export const publishedReports = pgTable(
  'published_reports',
  {
    id: serial('id').primaryKey(),
    /**
     * The series the number counts in, one per issuer: "province" (BHXH tỉnh), a district's area code
     * (its BHXH), "office:<code>" (a BHXH cơ sở's own report); reports/issuer.ts.
     */
    series: text('series').notNull().default('province'),
    /** The year of issue, in which `seq` counts from 1 within the series. */
    year: integer('year').notNull(),
    seq: integer('seq').notNull(),
    /** "12/BC-BHXH", as printed after "Số:". */
    number: text('number').notNull(),
    title: text('title').notNull(),
    areaId: integer('area_id')
      .notNull()
      .references(() => areas.id),
    /** The office whose units an office's report counts (its area is then the map's province). */
    officeId: integer('office_id').references(() => offices.id),
    asOf: date('as_of').notNull(),
    compare: date('compare').notNull(),
    issuedOn: date('issued_on').notNull(),
    figures: jsonb('figures').notNull(),
    docx: bytea('docx').notNull(),
    docxSha256: text('docx_sha256').notNull(),
    pdf: bytea('pdf').notNull(),
    pdfSha256: text('pdf_sha256').notNull(),
    xlsx: bytea('xlsx').notNull(),
    xlsxSha256: text('xlsx_sha256').notNull(),
    /** The account that published it; null from `pnpm cli`, whose operator is in author_name. */
    authorId: integer('author_id').references(() => users.id, { onDelete: 'set null' }),
    authorName: text('author_name').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('published_reports_series_year_seq').on(t.series, t.year, t.seq),
    check('published_reports_dates', sql`${t.compare} <= ${t.asOf}`),
  ],
);
