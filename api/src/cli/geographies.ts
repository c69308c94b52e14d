import path from 'node:path';
import type { Command } from 'commander';
import { listGeographies } from '../db/queries/geographies.ts';
import { dateOption, readFile, UserError, withDatabase } from './common.ts';

/*
 * `pnpm cli geography add|list`: the versions of the administrative map. Adding one is all or
 * nothing; every problem of its files is listed, with its file, row and column.
 */

const fmt = new Intl.NumberFormat('vi-VN');

export function addGeographyCommands(program: Command): void {
  const geography = program
    .command('geography')
    .description('the versions of the administrative map (địa giới hành chính), each in force from a day');

  geography
    .command('add')
    .description('add a geography after the last one: its areas, and how the areas before map onto them')
    .argument('<code>', 'its code, e.g. KH-2025')
    .requiredOption('--name <text>', 'what it is, e.g. "Từ 01/07/2025: 65 xã, phường, đặc khu"')
    .requiredOption('--valid-from <date>', 'the day it takes effect (yyyy-mm-dd or dd/mm/yyyy)', dateOption)
    .requiredOption('--areas <file>', 'its areas: area_code, name, level, [parent_code] (CSV or XLSX)')
    .requiredOption(
      '--mapping <file>',
      'old_area_code, new_area_code, [default]: every area of the geography before that holds units; a split area has a row per part, one with default = 1',
    )
    .option(
      '--units <file>',
      'unit_code, area_code: where the units of a split area lie (others go to the default part)',
    )
    .option('--dry-run', 'check everything and count the units placed, write nothing')
    .action(
      (
        code: string,
        options: {
          name: string;
          validFrom: string;
          areas: string;
          mapping: string;
          units?: string;
          dryRun?: boolean;
        },
      ) =>
        withDatabase(async (database) => {
          const file = (name: string) => ({ bytes: readFile(name), fileName: path.basename(name) });
          const { addGeography, GeographyRefusedError } = await import('../geographies/add.ts');
          try {
            const s = await addGeography(database.db, {
              code,
              name: options.name,
              validFrom: options.validFrom,
              areas: file(options.areas),
              mapping: file(options.mapping),
              units: options.units ? file(options.units) : undefined,
              dryRun: options.dryRun,
            });
            const placed = s.placed;
            const total = placed.byArea + placed.byDefault + placed.byUnitsFile + placed.atRoot;
            console.log(
              `${s.dryRun ? 'Dry run: would add' : 'Added'} geography ${s.code}, in force from ${s.validFrom} (after ${s.previous}): ${fmt.format(s.areas)} areas, ${fmt.format(s.mappings)} mapping rows.`,
            );
            console.log(`Placed ${fmt.format(total)} units:`);
            console.log(`  ${fmt.format(placed.byArea).padStart(9)} by their area's one row`);
            console.log(`  ${fmt.format(placed.byDefault).padStart(9)} in the default part of a split area`);
            console.log(`  ${fmt.format(placed.byUnitsFile).padStart(9)} as the --units file says`);
            if (placed.atRoot > 0)
              console.log(
                `  ${fmt.format(placed.atRoot).padStart(9)} at the province: no mapping row reached them`,
              );
          } catch (error) {
            if (error instanceof GeographyRefusedError) {
              for (const line of error.problems) console.error(line);
              throw new UserError(
                `Geography ${code} was not added: ${error.problems.length} problem${error.problems.length === 1 ? '' : 's'}; nothing was written.`,
              );
            }
            throw error;
          }
        }),
    );

  geography
    .command('list')
    .description('code, name, valid from, valid until, areas and units placed of every geography')
    .action(() =>
      withDatabase(async (database) => {
        const rows = await listGeographies(database.db);
        if (rows.length === 0) throw new UserError('No geography: the database has not been migrated.');
        console.log(['code', 'valid from', 'valid until', 'areas', 'units', 'name'].join('\t'));
        for (const g of rows)
          console.log(
            [
              g.code,
              g.validFrom,
              g.validUntil ?? '–',
              fmt.format(g.areaCount),
              fmt.format(g.unitCount),
              g.name,
            ].join('\t'),
          );
      }),
    );
}
