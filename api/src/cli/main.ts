import { Command, InvalidArgumentError, Option } from 'commander';
import { OPERATOR_REACH } from '../auth/policy.ts';
import { recordEvent } from '../db/queries/accounts.ts';
import { getCoverage } from '../db/queries/coverage.ts';
import { listGoals, setGoal } from '../db/queries/goals.ts';
import { isScopeProblem, resolveScope, type Scope, type ScopeProblem } from '../db/queries/scope.ts';
import { today } from '../lib/dates.ts';
import { SCALES, type Scale } from '../seed/scales.ts';
import { addAccountCommands } from './accounts.ts';
import { dateOption, UserError, withDatabase } from './common.ts';
import { addGeographyCommands } from './geographies.ts';
import { addImportCommands } from './imports.ts';
import { addReportCommands } from './reports.ts';

/*
 * `pnpm cli`: the operator's command line. Each command opens the database the same way `pnpm start`
 * does (DATABASE_URL or DATA_DIR); on an embedded database that a running server holds, it goes through
 * that server's socket.
 */

function integerOption(value: string): number {
  if (!/^-?\d+$/.test(value)) throw new InvalidArgumentError(`"${value}" is not a whole number.`);
  return Number(value);
}

const fmt = new Intl.NumberFormat('vi-VN');
const pct = new Intl.NumberFormat('vi-VN', {
  style: 'percent',
  minimumFractionDigits: 1,
  maximumFractionDigits: 1,
});

/** What the operator is told of an area or geography that names nothing. */
function scopeError(scope: Scope | ScopeProblem, options: { area?: string; geography?: string }): string {
  if (isScopeProblem(scope) && scope.kind === 'not-found' && scope.field === 'geography')
    return `Unknown geography "${options.geography}"; \`pnpm cli geography list\` lists them.`;
  const hint =
    isScopeProblem(scope) && scope.kind === 'not-found' && scope.hint
      ? `: ${scope.hint.replace('scope.geography', '--geography')}`
      : '';
  return `Unknown area code "${options.area}"${hint}.`;
}

export function buildCli(): Command {
  const program = new Command('pnpm cli')
    .description(
      'VssID rollout, BHXH tỉnh Khánh Hòa: the operator command line.\nDATABASE_URL selects a PostgreSQL server; otherwise the embedded database in DATA_DIR (./data).',
    )
    .showHelpAfterError()
    // `report` has options of its own and subcommands with the same options (`report publish --as-of`):
    // options after a subcommand's name must be that subcommand's.
    .enablePositionalOptions();

  program
    .command('migrate')
    .description('apply the database migrations and load the reference areas into an empty database')
    .action(() => withDatabase(async (database) => console.log(`Migrated (${database.kind}).`)));

  program
    .command('seed')
    .description(
      'generate a deterministic demo data set (areas stay; refuses a database that has units unless --reset)',
    )
    .addOption(
      new Option('--scale <scale>', 'size of the data set').choices(Object.keys(SCALES)).default('demo'),
    )
    .option('--seed <n>', 'random seed: the same seed gives the same data', integerOption, 1)
    .option('--reset', 'delete every unit, person, officer and office first')
    .action((options: { scale: Scale; seed: number; reset?: boolean }) =>
      withDatabase(async (database) => {
        // Loaded here, not with the command line: the generator takes a second to load.
        const { SeedRefusedError, seedDatabase } = await import('../seed/load.ts');
        const result = await seedDatabase(database.db, options).catch((error: unknown) => {
          throw error instanceof SeedRefusedError ? new UserError(error.message) : error;
        });
        console.log(
          `Seeded ${options.scale} (seed ${options.seed}) on ${database.kind}: ${fmt.format(result.units)} units, ${fmt.format(result.persons)} persons, ` +
            `${fmt.format(result.steps)} steps, ${fmt.format(result.staff)} officers, ${fmt.format(result.milestones)} milestones in ${(result.milliseconds / 1000).toFixed(1)} s`,
        );
      }),
    );

  program
    .command('coverage')
    .description('print the coverage of the province, or of one area, on a day')
    .option('--area <area_code>', 'national code of a province, district or commune')
    .option('--as-of <date>', 'the day (yyyy-mm-dd or dd/mm/yyyy); today when omitted', dateOption)
    .option(
      '--geography <code>',
      'the map the area code is read in; the one in force on --as-of when omitted',
    )
    .action((options: { area?: string; asOf?: string; geography?: string }) =>
      withDatabase(async (database) => {
        const asOf = options.asOf ?? today();
        const scope = await resolveScope(
          database.db,
          { areaId: options.area, geography: options.geography },
          OPERATOR_REACH,
          asOf,
        );
        if (isScopeProblem(scope)) throw new UserError(scopeError(scope, options));
        const c = await getCoverage(database.db, { scope, asOf });
        const rate = (n: number) => (c.target ? pct.format(n / c.target) : '–');
        console.log(`Coverage ${options.area ? `of area ${options.area}` : 'of the province'} as of ${asOf}`);
        console.log(`  insured persons   ${fmt.format(c.target)}`);
        for (const [label, n] of [
          ['registered', c.registered],
          ['approved', c.approved],
          ['activated', c.activated],
          ['form signed', c.formSigned],
          ['verified', c.verified],
        ] as const) {
          console.log(`  ${label.padEnd(17)} ${fmt.format(n).padStart(9)}  ${rate(n)}`);
        }
        console.log(`  units contacted   ${fmt.format(c.unitsContacted)} of ${fmt.format(c.units)}`);
      }),
    );
  const goal = program
    .command('goal')
    .description('target activation rates with deadlines (chỉ tiêu), per area');
  goal
    .command('set')
    .description(
      'set (or replace) the goal of an area: every coverage inside it answers how far it is from it',
    )
    .requiredOption('--area <area_code>', 'national code of the province, a district or a commune')
    .requiredOption('--rate <rate>', 'target activation rate: 0.8 or 80%', rateOption)
    .requiredOption('--deadline <date>', 'the day it must be reached (yyyy-mm-dd or dd/mm/yyyy)', dateOption)
    .option('--geography <code>', 'the map the area code is read in; the one in force today when omitted')
    .action((options: { area: string; rate: number; deadline: string; geography?: string }) =>
      withDatabase(async (database) => {
        const scope = await resolveScope(
          database.db,
          { areaId: options.area, geography: options.geography },
          OPERATOR_REACH,
          today(),
        );
        if (isScopeProblem(scope) || scope.areaId === undefined)
          throw new UserError(scopeError(scope, options));
        await setGoal(database.db, {
          areaId: scope.areaId,
          rate: options.rate,
          deadline: options.deadline,
          reach: OPERATOR_REACH,
        });
        await recordEvent(database.db, {
          actor: null,
          subject: 'pnpm cli',
          action: 'GOAL_SET',
          detail: `${options.area}: ${options.rate} by ${options.deadline}`,
        });
        console.log(
          `Goal of area ${options.area}: ${pct.format(options.rate)} activated by ${options.deadline}.`,
        );
      }),
    );
  goal
    .command('list')
    .description('list the goals set')
    .action(() =>
      withDatabase(async (database) => {
        const goals = await listGoals(database.db, OPERATOR_REACH);
        if (goals.length === 0) console.log('No goal is set.');
        for (const g of goals)
          console.log(
            `${g.code.padEnd(6)} ${g.name.padEnd(28)} ${pct.format(g.rate).padStart(7)} by ${g.deadline}`,
          );
      }),
    );
  addAccountCommands(program);
  addGeographyCommands(program);
  addImportCommands(program);
  addReportCommands(program);
  return program;
}

function rateOption(value: string): number {
  const percent = /^\s*(\d+(?:[.,]\d+)?)\s*%\s*$/.exec(value);
  const rate = percent
    ? Number((percent[1] as string).replace(',', '.')) / 100
    : Number(value.replace(',', '.'));
  if (!Number.isFinite(rate) || rate <= 0 || rate > 1) {
    throw new InvalidArgumentError(`"${value}" is not a rate between 0 and 1 (or 0% and 100%).`);
  }
  return rate;
}

// A reader that stops early (`pnpm cli coverage | head`) closes the pipe: that ends the output, it is
// not a failure to report with a stack.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  process.exit(0);
});

buildCli()
  .parseAsync(process.argv)
  .catch((error) => {
    if (error instanceof UserError) console.error(error.message);
    else
      console.error(
        `Error: ${error instanceof Error ? error.message.split('\nparams:')[0] : error}${error?.cause ? `\nCause: ${error.cause.message ?? error.cause}` : ''}`,
      );
    process.exit(1);
  });
