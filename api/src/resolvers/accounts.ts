import {
  type AccountProblem,
  bindingOf,
  isProblem,
  passwordProblem,
  tokenDaysProblem,
  usernameProblem,
} from '../auth/accounts.ts';
import { authorize } from '../auth/policy.ts';
import type { Context } from '../context.ts';
import {
  createToken,
  createUser,
  findUser,
  listEvents,
  listUsers,
  recordEvent,
  revokeToken,
  setPassword,
  setUserDisabled,
  type UserRow,
} from '../db/queries/accounts.ts';
import type { Resolvers } from '../generated/graphql.ts';
import { BadInputError, NotFoundError } from '../lib/errors.ts';
import { limitArgs } from './pagination.ts';
import { present } from './present.ts';

function requireAdmin({ viewer }: Context): void {
  authorize(viewer, 'accounts:manage');
}

/** A problem with the input, as BAD_USER_INPUT naming the argument it is about. */
function refuse(problem: AccountProblem | null, prefix = ''): void {
  if (problem) throw new BadInputError(problem.message, `${prefix}${problem.field}`, problem.reason);
}

async function existing(ctx: Context, username: string): Promise<UserRow> {
  const found = await findUser(ctx.db, username);
  if (!found) throw new NotFoundError('Account', username, 'username');
  return found;
}

export const accountResolvers: Resolvers = {
  Query: {
    me: async (_root, _args, ctx) =>
      present(await findUser(ctx.db, ctx.viewer.username), 'the signed-in account'),
    accounts: (_root, _args, ctx) => {
      requireAdmin(ctx);
      return listUsers(ctx.db);
    },
    accountEvents: (_root, { first, offset }, ctx) => {
      requireAdmin(ctx);
      return listEvents(ctx.db, limitArgs(first, offset));
    },
  },
  Mutation: {
    createAccount: async (_root, { input }, ctx) => {
      requireAdmin(ctx);
      refuse(usernameProblem(input.username), 'input.');
      refuse(passwordProblem(input.password), 'input.');
      const binding = await bindingOf(ctx.db, input.role, {
        area: input.areaId,
        geography: input.geography,
        office: input.officeId,
        staff: input.staffId,
      });
      if (isProblem(binding))
        throw new BadInputError(
          binding.message,
          `input.${binding.field === 'geography' ? 'geography' : `${binding.field}Id`}`,
          binding.reason,
        );
      if (await findUser(ctx.db, input.username)) {
        throw new BadInputError(`An account "${input.username}" already exists`, 'input.username', {
          code: 'ACCOUNT_EXISTS',
          args: { username: input.username },
        });
      }
      await createUser(ctx.db, {
        username: input.username,
        displayName: input.displayName?.trim() || undefined,
        role: input.role,
        ...binding,
        password: input.password,
      });
      await recordEvent(ctx.db, {
        actor: ctx.viewer,
        subject: input.username,
        action: 'ACCOUNT_CREATED',
        detail: input.role,
      });
      return existing(ctx, input.username);
    },
    setAccountDisabled: async (_root, { username, disabled }, ctx) => {
      requireAdmin(ctx);
      const account = await existing(ctx, username);
      // Locking oneself out would leave no administrator to undo it.
      if (disabled && account.userId === ctx.viewer.userId) {
        throw new BadInputError('You cannot disable your own account', 'username', {
          code: 'OWN_ACCOUNT',
          args: {},
        });
      }
      await setUserDisabled(ctx.db, account.userId, disabled);
      await recordEvent(ctx.db, {
        actor: ctx.viewer,
        subject: username,
        action: disabled ? 'ACCOUNT_DISABLED' : 'ACCOUNT_ENABLED',
      });
      return existing(ctx, username);
    },
    resetPassword: async (_root, { username, password }, ctx) => {
      requireAdmin(ctx);
      refuse(passwordProblem(password));
      const account = await existing(ctx, username);
      await setPassword(ctx.db, account.userId, password);
      await recordEvent(ctx.db, { actor: ctx.viewer, subject: username, action: 'PASSWORD_RESET' });
      return account;
    },
    createToken: async (_root, { username, expiresInDays }, ctx) => {
      requireAdmin(ctx);
      const days = expiresInDays ?? 90;
      refuse(tokenDaysProblem(days));
      const account = await existing(ctx, username);
      if (account.disabledAt)
        throw new BadInputError(`Account "${username}" is disabled`, 'username', {
          code: 'ACCOUNT_DISABLED',
          args: { username },
        });
      const created = await createToken(ctx.db, account.userId, days);
      await recordEvent(ctx.db, {
        actor: ctx.viewer,
        subject: username,
        action: 'TOKEN_CREATED',
        detail: created.prefix,
      });
      return { token: created.token, prefix: created.prefix, expiresAt: created.expiresAt.toISOString() };
    },
    revokeToken: async (_root, { prefix }, ctx) => {
      requireAdmin(ctx);
      const owner = await revokeToken(ctx.db, prefix);
      if (owner)
        await recordEvent(ctx.db, {
          actor: ctx.viewer,
          subject: owner,
          action: 'TOKEN_REVOKED',
          detail: prefix,
        });
      return owner !== null;
    },
  },
  Account: {
    area: async (a, _args, { loaders }) =>
      a.areaId === null ? null : ((await loaders.areaById.load(a.areaId)) ?? null),
    office: async (a, _args, { loaders }) =>
      a.officeId === null ? null : ((await loaders.officeById.load(a.officeId)) ?? null),
    staff: async (a, _args, { loaders }) =>
      a.staffId === null ? null : ((await loaders.staffById.load(a.staffId)) ?? null),
    createdAt: (a) => a.createdAt.toISOString(),
    disabled: (a) => a.disabledAt !== null,
    tokens: async (a, _args, ctx) => {
      authorize(ctx.viewer, ctx.viewer.userId === a.userId ? 'tokens:own' : 'accounts:manage');
      return ctx.loaders.accountTokens.load(a.userId);
    },
  },
  AccountEvent: {
    id: (e) => String(e.id),
    at: (e) => e.at.toISOString(),
  },
  ApiToken: {
    createdAt: (t) => t.createdAt.toISOString(),
    expiresAt: (t) => t.expiresAt.toISOString(),
    revoked: (t) => t.revokedAt !== null,
    lastUsedAt: (t) => t.lastUsedAt?.toISOString() ?? null,
  },
};
