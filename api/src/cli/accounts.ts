import { type Command, InvalidArgumentError, Option } from 'commander';
import {
  type AccountProblem,
  type Binding,
  bindingOf,
  isProblem,
  passwordProblem,
  tokenDaysProblem,
  usernameProblem,
} from '../auth/accounts.ts';
import type { Db } from '../db/client.ts';
import {
  createToken,
  createUser,
  findUser,
  listTokens,
  listUsers,
  recordEvent,
  revokeToken,
  setPassword,
  setUserDisabled,
} from '../db/queries/accounts.ts';
import { type Role, role } from '../db/schema/index.ts';
import { UserError, withDatabase } from './common.ts';

/** `user …` and `token …`: accounts and API tokens, as the Accounts section of the contract has them. */
export function addAccountCommands(program: Command): void {
  const user = program.command('user').description('accounts: who may sign in, with which role and reach');
  user
    .command('add <username>')
    .description('create an account; the password is read from standard input')
    .addOption(
      new Option('--role <ROLE>', 'what the account may do').choices(role.enumValues).makeOptionMandatory(),
    )
    .option('--area <area_code>', 'the area a DISTRICT account reaches')
    .option('--office <office_code>', 'instead of --area: the office whose units a DISTRICT account reaches')
    .option('--geography <code>', 'the map --area is read in; the one in force today when omitted')
    .option('--staff <staff_code>', 'the officer an OFFICER account is')
    .option('--name <display_name>', 'the name shown in the dashboard (the username when omitted)')
    .option('--password-stdin', 'read the password from standard input (required)')
    .action(
      (
        username: string,
        options: {
          role: Role;
          area?: string;
          office?: string;
          geography?: string;
          staff?: string;
          name?: string;
          passwordStdin?: boolean;
        },
      ) =>
        withDatabase(async (database) => {
          failOn(usernameProblem(username));
          requireStdin(options.passwordStdin);
          if (await findUser(database.db, username))
            throw new UserError(`An account "${username}" already exists.`);
          const binding = await bindingOf(database.db, options.role, {
            area: options.area,
            office: options.office,
            staff: options.staff,
            geography: options.geography,
          });
          if (isProblem(binding)) failOn(binding);
          const password = await readPassword();
          await createUser(database.db, {
            username,
            displayName: options.name,
            role: options.role,
            ...(binding as Binding),
            password,
          });
          await recordEvent(database.db, {
            actor: null,
            subject: username,
            action: 'ACCOUNT_CREATED',
            detail: `${options.role} (pnpm cli)`,
          });
          console.log(
            `Created ${options.role} account "${username}"${options.area ? ` for area ${options.area}` : ''}${options.office ? ` for office ${options.office}` : ''}${options.staff ? ` for officer ${options.staff}` : ''}.`,
          );
        }),
    );
  user
    .command('list')
    .description('list the accounts with their role, reach and state')
    .action(() =>
      withDatabase(async (database) => {
        for (const u of await listUsers(database.db)) {
          const reach = u.areaCode
            ? `area ${u.areaCode}`
            : u.officeCode
              ? `office ${u.officeCode}`
              : u.staffCode
                ? `officer ${u.staffCode}`
                : '';
          console.log(
            `${u.username.padEnd(20)} ${u.role.padEnd(9)} ${reach.padEnd(16)} ${u.disabledAt ? 'disabled' : 'active  '}  ${u.displayName}`,
          );
        }
      }),
    );
  for (const [name, disabled] of [
    ['disable', true],
    ['enable', false],
  ] as const) {
    user
      .command(`${name} <username>`)
      .description(
        disabled
          ? 'disable an account: its sessions and tokens stop working at once'
          : 'enable a disabled account again',
      )
      .action((username: string) =>
        withDatabase(async (database) => {
          const found = await existing(database.db, username);
          await setUserDisabled(database.db, found.userId, disabled);
          await recordEvent(database.db, {
            actor: null,
            subject: username,
            action: disabled ? 'ACCOUNT_DISABLED' : 'ACCOUNT_ENABLED',
            detail: 'pnpm cli',
          });
          console.log(`Account "${username}" ${disabled ? 'disabled' : 'enabled'}.`);
        }),
      );
  }
  user
    .command('password <username>')
    .description("set a new password (from standard input); ends the account's browser sessions")
    .option('--password-stdin', 'read the password from standard input (required)')
    .action((username: string, options: { passwordStdin?: boolean }) =>
      withDatabase(async (database) => {
        requireStdin(options.passwordStdin);
        const found = await existing(database.db, username);
        await setPassword(database.db, found.userId, await readPassword());
        await recordEvent(database.db, {
          actor: null,
          subject: username,
          action: 'PASSWORD_RESET',
          detail: 'pnpm cli',
        });
        console.log(`Password of "${username}" changed; its browser sessions ended.`);
      }),
    );

  const token = program
    .command('token')
    .description('API tokens for scripts and analysts (Authorization: Bearer …)');
  token
    .command('create <username>')
    .description('print a new API token for the account as the last line; only its hash is stored')
    .option('--expires-in-days <n>', 'days until it expires (1 to 366)', daysOption, 90)
    .action((username: string, options: { expiresInDays: number }) =>
      withDatabase(async (database) => {
        const found = await existing(database.db, username);
        if (found.disabledAt) throw new UserError(`Account "${username}" is disabled.`);
        const created = await createToken(database.db, found.userId, options.expiresInDays);
        await recordEvent(database.db, {
          actor: null,
          subject: username,
          action: 'TOKEN_CREATED',
          detail: `${created.prefix} (pnpm cli)`,
        });
        console.log(
          `Token ${created.prefix} for "${username}", valid until ${created.expiresAt.toISOString()}. It is shown only now:`,
        );
        console.log(created.token);
      }),
    );
  token
    .command('revoke <token-prefix>')
    .description('revoke a token at once (its prefix, e.g. vss_1a2b3c4d)')
    .action((prefix: string) =>
      withDatabase(async (database) => {
        const owner = await revokeToken(database.db, prefix);
        if (!owner) throw new UserError(`No token has the prefix "${prefix}".`);
        await recordEvent(database.db, {
          actor: null,
          subject: owner,
          action: 'TOKEN_REVOKED',
          detail: `${prefix} (pnpm cli)`,
        });
        console.log(`Token ${prefix} revoked.`);
      }),
    );
  token
    .command('list')
    .description('list the tokens: prefix, account, expiry, state, last use')
    .action(() =>
      withDatabase(async (database) => {
        const now = Date.now();
        for (const t of await listTokens(database.db)) {
          const state = t.revokedAt ? 'revoked' : t.expiresAt.getTime() < now ? 'expired' : 'valid';
          console.log(
            `${t.prefix}  ${t.username.padEnd(20)} until ${t.expiresAt.toISOString().slice(0, 10)}  ${state.padEnd(7)}  last used ${t.lastUsedAt?.toISOString() ?? 'never'}`,
          );
        }
      }),
    );
}

/** Stops with the problem's message, as the operator's mistake it is. */
function failOn(problem: AccountProblem | null): void {
  if (problem) throw new UserError(`${problem.message}.`);
}

function requireStdin(given: boolean | undefined): void {
  if (!given) throw new UserError('Give the password on standard input with --password-stdin.');
}

async function existing(db: Db, username: string) {
  const found = await findUser(db, username);
  if (!found) throw new UserError(`There is no account "${username}".`);
  return found;
}

async function readPassword(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  const password = Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
  failOn(passwordProblem(password));
  return password;
}

function daysOption(value: string): number {
  const problem = /^\d+$/.test(value) ? tokenDaysProblem(Number(value)) : tokenDaysProblem(Number.NaN);
  if (problem) throw new InvalidArgumentError(`"${value}" is not a number of days from 1 to 366.`);
  return Number(value);
}
