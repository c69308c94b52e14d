import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type Command, Option } from 'commander';
import { OPERATOR_REACH } from '../auth/policy.ts';
import type { Db } from '../db/client.ts';
import { getOfficeByCode } from '../db/queries/offices.ts';
import { findReportByNumber, getPublishedFile, listPublishedReports } from '../db/queries/reports.ts';
import { today } from '../lib/dates.ts';
import { RefusalError } from '../lib/errors.ts';
import { reportChangesNow, requirePublishedReport } from '../reports/changes-now.ts';
import { computeReportFigures } from '../reports/figures.ts';
import { formatDate } from '../reports/format.ts';
import { REPORT_FORMATS, type ReportFormat } from '../reports/formats.ts';
import { type ReportInput, resolveReportRequest } from '../reports/request.ts';
import { dateOption, readFile, UserError, withDatabase } from './common.ts';

/*
 * `pnpm cli report …`: the progress report, read with full reach (OPERATOR_REACH: the operator already
 * holds the database). The bare command writes a report made now; `publish` stores one for good;
 * `list`, `diff` and `get` read what was published.
 */

interface ReportOptions {
  asOf?: string;
  compare?: string;
  area?: string;
  geography?: string;
  notes?: string;
}

/** The operator of `pnpm cli`, recorded as a publication's author (there is no account). */
function operator(): string {
  let name = process.env.USER ?? 'unknown';
  try {
    name = os.userInfo().username;
  } catch {}
  return `${name} (pnpm cli)`;
}

/** An output file's folder must exist: said at once, not after the report was made. */
function requireFolderOf(file: string): void {
  const folder = path.dirname(path.resolve(file));
  if (!fs.existsSync(folder) || !fs.statSync(folder).isDirectory())
    throw new UserError(
      `--out ${file}: the folder ${folder} does not exist; create it first.\n--out ${file}: thư mục ${folder} không tồn tại; hãy tạo thư mục trước.`,
    );
}

/** Refusals (bad input, an unknown area or report, one out of reach) become the operator's messages. */
async function asUserError<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    // In both languages where the refusal has its Vietnamese words (an operator may read either).
    if (error instanceof RefusalError)
      throw new UserError(error.reason?.vi ? `${error.message}\n${error.reason.vi}` : error.message);
    throw error;
  }
}

function requestOf(options: ReportOptions): ReportInput {
  if (!options.asOf) throw new UserError('error: required option --as-of <date> not specified');
  return {
    areaCode: options.area,
    asOf: options.asOf,
    compare: options.compare,
    geography: options.geography,
    notes: options.notes === undefined ? null : notesText(options.notes),
  };
}

/** The --notes file's text: UTF-8, said so when it is not (a file saved as Windows-1258, say). */
function notesText(file: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(readFile(file));
  } catch (error) {
    if (error instanceof UserError) throw error;
    throw new UserError(
      `--notes ${file}: not UTF-8 text; save it as UTF-8.\n--notes ${file}: tệp không phải văn bản UTF-8; hãy lưu lại dưới dạng UTF-8.`,
    );
  }
}

function reportOptions(command: Command): Command {
  return command
    .option('--as-of <date>', 'the day of the figures (yyyy-mm-dd or dd/mm/yyyy)', dateOption)
    .option('--geography <code>', 'the map the area is read in; the one in force on --as-of when omitted')
    .option(
      '--compare <date>',
      'the earlier day to count changes from; by default the last day of the month before --as-of',
      dateOption,
    )
    .option('--area <area_code>', 'national code of the province (default), a district or a commune')
    .option(
      '--notes <file>',
      'UTF-8 text of what the figures cannot say: "# " starts a section\'s heading, every other line is a paragraph',
    );
}

/**
 * A published report by its number, in the series of `issuer` (a district's area code or an office's
 * code: each issuer numbers its own reports; the province's series when omitted).
 */
async function reportId(db: Db, number: string, year?: string, issuer?: string): Promise<number> {
  const match = /^(\d+)(?:\/BC-BHXH)?$/i.exec(number.trim());
  if (!match) throw new UserError(`"${number}" is not a report number such as 12/BC-BHXH.`);
  const office = issuer ? await getOfficeByCode(db, issuer) : undefined;
  const series = !issuer ? 'province' : office ? `office:${office.code}` : issuer;
  const id = await findReportByNumber(db, Number(match[1]), year ? Number(year) : undefined, series);
  if (id === undefined)
    throw new UserError(
      `No published report is numbered ${match[1]}/BC-BHXH${year ? ` in ${year}` : ''} in the series of ${issuer ?? 'the province'}.`,
    );
  return id;
}

const ISSUER_OPTION = [
  '--issuer <code>',
  "the series the number is in: a district's area code (its BHXH's reports) or an office's code; the province's when omitted",
] as const;

export function addReportCommands(program: Command): void {
  const report = reportOptions(
    program
      .command('report')
      .enablePositionalOptions()
      .description(
        'the progress report for the Tỉnh ủy and UBND tỉnh: `report --as-of <date> [--compare <date>] [--area <code>] --format <docx|xlsx|pdf> --out <file>` writes it; the subcommands publish it and read what was published',
      ),
  )
    .addOption(new Option('--format <format>', 'the file format').choices(REPORT_FORMATS))
    .option('--out <file>', 'where to write the file')
    .action((options: ReportOptions & { format?: ReportFormat; out?: string }) => {
      const input = requestOf(options);
      const { format, out } = options;
      if (!format) throw new UserError('error: required option --format <format> not specified');
      if (!out) throw new UserError('error: required option --out <file> not specified');
      requireFolderOf(out);
      return withDatabase(async ({ db }) => {
        const request = await asUserError(() => resolveReportRequest(db, input, OPERATOR_REACH, today()));
        const figures = await computeReportFigures(db, request);
        // The renderers (docx, pdfkit, exceljs) load only for the commands that write a file.
        const { renderReport } = await import('../reports/render.ts');
        const bytes = await renderReport(figures, format, { number: null, issuedOn: today() });
        fs.writeFileSync(out, bytes);
        console.log(
          `Wrote the report of ${figures.area.name} as of ${formatDate(figures.asOf)} (compared with ${formatDate(figures.compare)}) to ${out} (${bytes.length} bytes).`,
        );
      });
    });

  reportOptions(report.command('publish'))
    .description(
      'publish the report: store its figures and its DOCX, PDF and XLSX files under the next number of the year',
    )
    .option('--out-dir <dir>', 'also write the three stored files into this folder')
    .action((options: ReportOptions & { outDir?: string }) =>
      withDatabase(async ({ db }) => {
        const request = await asUserError(() =>
          resolveReportRequest(db, requestOf(options), OPERATOR_REACH, today()),
        );
        const { publishReport } = await import('../reports/publish.ts');
        const id = await publishReport(db, request, { userId: null, name: operator() }, today());
        const { report: published } = await requirePublishedReport(db, String(id), OPERATOR_REACH);
        console.log(
          `Published ${published.number} (id ${id}): ${published.areaName} as of ${formatDate(published.asOf)}, compared with ${formatDate(published.compare)}.`,
        );
        for (const file of published.files)
          console.log(`  ${file.format.padEnd(4)} ${file.bytes} bytes  sha256 ${file.sha256}`);
        if (options.outDir) {
          fs.mkdirSync(options.outDir, { recursive: true });
          for (const format of REPORT_FORMATS) {
            const file = await getPublishedFile(db, { id, format });
            const target = path.join(options.outDir, `${published.number.replace('/', '-')}.${format}`);
            fs.writeFileSync(target, file?.bytes ?? Buffer.alloc(0));
            console.log(`  wrote ${target}`);
          }
        }
      }),
    );

  report
    .command('list')
    .description('list the published reports: number, date of issue, area, days, author')
    .action(() =>
      withDatabase(async ({ db }) => {
        const reports = await listPublishedReports(db, { reach: OPERATOR_REACH, first: 500 });
        if (reports.length === 0) console.log('No report has been published.');
        for (const r of reports)
          console.log(
            `${r.number.padEnd(12)} ${r.year}  issued ${formatDate(r.issuedOn)}  ${r.areaName.padEnd(24)} as of ${formatDate(r.asOf)} vs ${formatDate(r.compare)}  by ${r.authorName}  (id ${r.id})`,
          );
      }),
    );

  report
    .command('diff <number>')
    .description(
      'list the counts of a published report (12/BC-BHXH) that the data now gives differently for the same area and days',
    )
    .option('--year <yyyy>', 'the year of issue, when numbers repeat across years (default: the latest)')
    .option(...ISSUER_OPTION)
    .action((number: string, options: { year?: string; issuer?: string }) =>
      withDatabase(async ({ db }) => {
        const id = await reportId(db, number, options.year, options.issuer);
        const changes = await asUserError(() => reportChangesNow(db, String(id), OPERATOR_REACH, today()));
        if (changes.length === 0) console.log('No difference: the data still gives the published figures.');
        for (const change of changes) console.log(change.text);
      }),
    );

  report
    .command('get <number>')
    .description('write a published report’s stored file, byte for byte')
    .addOption(
      new Option('--format <format>', 'the file format').choices(REPORT_FORMATS).makeOptionMandatory(),
    )
    .requiredOption('--out <file>', 'where to write it')
    .option('--year <yyyy>', 'the year of issue (default: the latest)')
    .option(...ISSUER_OPTION)
    .action(
      (number: string, options: { format: ReportFormat; out: string; year?: string; issuer?: string }) => {
        requireFolderOf(options.out);
        return withDatabase(async ({ db }) => {
          const id = await reportId(db, number, options.year, options.issuer);
          const file = await getPublishedFile(db, { id, format: options.format });
          if (!file) throw new UserError(`Report ${number} has no ${options.format} file.`);
          fs.writeFileSync(options.out, file.bytes);
          console.log(`Wrote ${options.out} (${file.bytes.length} bytes, sha256 ${file.sha256}).`);
        });
      },
    );
}
