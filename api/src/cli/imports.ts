import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { TZDate } from '@date-fns/tz';
import type { Command } from 'commander';
import { Option } from 'commander';
import { format } from 'date-fns/format';
import { getGeographyByCode } from '../db/queries/geographies.ts';
import { IMPORT_KINDS, type ImportKind } from '../imports/columns.ts';
import { describeProblem } from '../imports/problems.ts';
import type { ImportSummary } from '../imports/run.ts';
import { TIME_ZONE } from '../lib/dates.ts';
import { readFile, UserError, withDatabase } from './common.ts';

/*
 * `pnpm cli import <kind> <file>` and `pnpm cli template <kind>`. The command line has no account: it
 * reaches everything, and the history records the operating-system user that ran it.
 */

const fmt = new Intl.NumberFormat('vi-VN');
/** Memory for the sorts and joins of one import on a PostgreSQL server (see ImportRequest.workMem). */
export const IMPORT_WORK_MEM = '64MB';

export function addImportCommands(program: Command): void {
  program
    .command('import')
    .description(
      'import a CSV (UTF-8) or XLSX (first sheet) file with a header row; all or nothing unless --skip-invalid',
    )
    .addArgument(program.createArgument('<kind>', 'what the file lists').choices(IMPORT_KINDS))
    .argument('<file>', 'the .csv or .xlsx file')
    .option('--dry-run', 'check and count what would change, write nothing')
    .option('--skip-invalid', 'write the valid rows and list the others')
    .option('--encoding <name>', 'encoding of a CSV file that is not UTF-8: windows-1258, tcvn3')
    .option(
      '--geography <code>',
      'the map whose area codes the file names; the one in force today when omitted',
    )
    .action(
      (
        kind: ImportKind,
        file: string,
        options: { dryRun?: boolean; skipInvalid?: boolean; encoding?: string; geography?: string },
      ) =>
        withDatabase(async (database) => {
          const bytes = readFile(file);
          let geographyId: number | undefined;
          if (options.geography) {
            const found = await getGeographyByCode(database.db, options.geography);
            if (!found)
              throw new UserError(
                `Unknown geography "${options.geography}"; \`pnpm cli geography list\` lists them.`,
              );
            geographyId = found.id;
          }
          // The readers and writers (csv-parse, exceljs) load only for the commands that use them.
          const { runImport } = await import('../imports/run.ts');
          const summary = await runImport(database.db, {
            kind,
            fileName: path.basename(file),
            bytes,
            dryRun: options.dryRun,
            skipInvalid: options.skipInvalid,
            encoding: options.encoding,
            geographyId,
            actor: { userId: null, osUser: os.userInfo().username },
            workMem: database.kind === 'postgres' ? IMPORT_WORK_MEM : undefined,
            onProgress: ({ phase, rowsRead }) =>
              process.stderr.write(
                phase === 'reading'
                  ? `… ${fmt.format(rowsRead)} rows read\n`
                  : `… ${phase} ${fmt.format(rowsRead)} rows\n`,
              ),
          });
          printSummary(summary, options);
          if (!summary.accepted) process.exitCode = 1;
        }),
    );

  program
    .command('template')
    .description(
      'write an empty import file for a kind: its header row (English names; Vietnamese accepted too)',
    )
    .addArgument(program.createArgument('<kind>', 'what the file lists').choices(IMPORT_KINDS))
    .addOption(new Option('--format <format>', 'file format').choices(['csv', 'xlsx']).default('csv'))
    .option('--out <file>', 'where to write it (CSV goes to standard output when omitted)')
    .action(async (kind: ImportKind, options: { format: 'csv' | 'xlsx'; out?: string }) => {
      const { templateCsv, templateXlsx } = await import('../imports/template.ts');
      if (options.format === 'csv') {
        const text = templateCsv(kind);
        if (options.out) fs.writeFileSync(options.out, text);
        else process.stdout.write(text);
      } else {
        const out = options.out ?? `${kind}.xlsx`;
        fs.writeFileSync(out, await templateXlsx(kind));
      }
      if (options.out || options.format === 'xlsx')
        console.log(`Wrote the ${kind} template to ${options.out ?? `${kind}.xlsx`}.`);
    });
}

function when(at: Date): string {
  return format(new TZDate(at, TIME_ZONE), 'dd/MM/yyyy HH:mm');
}

function printSummary(s: ImportSummary, options: { dryRun?: boolean; skipInvalid?: boolean }): void {
  const read = s.format
    ? ` (${s.format.toUpperCase()}${s.encoding && s.encoding !== 'utf-8' ? `, read as ${s.encoding}` : ''})`
    : '';
  console.log(
    `Import #${s.importId} of ${s.kind} from ${s.fileName}${read}: ${fmt.format(s.rowsRead)} rows read.`,
  );
  if (s.alreadyImported)
    console.log(
      `This file was already imported on ${when(s.alreadyImported.at)} by ${s.alreadyImported.by} (import #${s.alreadyImported.importId}); importing it again changes nothing.`,
    );
  for (const p of s.problems)
    console.log(`${p.severity === 'warning' ? 'warning: ' : ''}${describeProblem(p)}`);
  if (s.problemsOmitted > 0) console.log(`… and ${fmt.format(s.problemsOmitted)} more problems not listed.`);
  const figures = `${fmt.format(s.rowsNew)} new, ${fmt.format(s.rowsUpdated)} updated, ${fmt.format(s.rowsUnchanged)} unchanged`;
  const rejected = `${fmt.format(s.rowsRejected)} invalid row${s.rowsRejected === 1 ? '' : 's'}`;
  const warnings = s.warnings ? `; ${fmt.format(s.warnings)} warning${s.warnings === 1 ? '' : 's'}` : '';
  if (s.outcome === 'APPLIED')
    console.log(`Applied: ${figures}${s.rowsRejected ? `; ${rejected} skipped` : ''}${warnings}.`);
  else if (s.outcome === 'DRY_RUN')
    console.log(
      s.accepted
        ? `Dry run, nothing written: would write ${figures}${s.rowsRejected ? `; ${rejected} would be skipped` : ''}${warnings}.`
        : `Dry run, nothing written: the file would be rejected (${rejected}${s.errors && !s.rowsRejected ? `, ${s.errors} file errors` : ''}).${options.skipInvalid ? '' : ' With --skip-invalid, the valid rows would be written.'}`,
    );
  else if (s.outcome === 'REJECTED')
    console.log(
      `Rejected, nothing written: ${s.rowsRejected ? rejected : `${fmt.format(s.errors)} error${s.errors === 1 ? '' : 's'}`}.${!options.skipInvalid && s.rowsRejected ? ' A file is all or nothing; --skip-invalid writes the valid rows.' : ''}`,
    );
}
