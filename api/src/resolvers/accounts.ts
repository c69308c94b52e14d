import {
  type AccountProblem,
  bindingOf,
  isProblem,
  passwordProblem,
  tokenDaysProblem,
  usernameProblem,
} from '../auth/accounts.ts';
import { authorize, may } from '../auth/policy.ts';
import { MIN_PASSWORD_LENGTH } from '../auth/secrets.ts';
import type { Context } from '../context.ts';
import {
  createToken,
  createUser,
  findUser,
  isCurrentPassword,
  listEvents,
  listUsers,
  recordEvent,
  revokeToken,
  setPassword,
  setUserDisabled,
  tokenOwner,
  type UserRow,
} from '../db/queries/accounts.ts';
import type { Resolvers } from '../generated/graphql.ts';
import { BadInputError, ForbiddenError, NotFoundError } from '../lib/errors.ts';
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
      const short = passwordProblem(password);
      if (short)
        throw new BadInputError(short.message, 'password', {
          code: 'PASSWORD_TOO_SHORT',
          args: { min: MIN_PASSWORD_LENGTH },
        });
      const account = await existing(ctx, username);
      await setPassword(ctx.db, account.userId, password);
      await recordEvent(ctx.db, { actor: ctx.viewer, subject: username, action: 'PASSWORD_RESET' });
      return account;
    },
    changeOwnPassword: async (_root, { current, next }, ctx) => {
      authorize(ctx.viewer, 'password:own');
      // Checked before the current password, which costs an argon2 verification.
      const short = passwordProblem(next);
      if (short)
        throw new BadInputError(short.message, 'next', {
          code: 'PASSWORD_TOO_SHORT',
          args: { min: MIN_PASSWORD_LENGTH },
        });
      if (!(await isCurrentPassword(ctx.db, ctx.viewer.userId, current))) {
        // A session in other hands could guess the password here: each guess is on the record.
        await recordEvent(ctx.db, {
          actor: ctx.viewer,
          subject: ctx.viewer.username,
          action: 'PASSWORD_CHANGE_REFUSED',
        });
        throw new BadInputError('The current password is not this account’s password', 'current', {
          code: 'WRONG_CURRENT_PASSWORD',
          args: {},
        });
      }
      if (next === current)
        throw new BadInputError('The new password is the same as the current one', 'next', {
          code: 'PASSWORD_UNCHANGED',
          args: {},
        });
      await setPassword(ctx.db, ctx.viewer.userId, next, ctx.sessionHash ?? undefined);
      await recordEvent(ctx.db, {
        actor: ctx.viewer,
        subject: ctx.viewer.username,
        action: 'PASSWORD_CHANGED',
      });
      return existing(ctx, ctx.viewer.username);
    },
    createToken: async (_root, { username, expiresInDays }, ctx) => {
      const name = username ?? ctx.viewer.username;
      if (name === ctx.viewer.username) authorize(ctx.viewer, 'tokens:own');
      else if (!may(ctx.viewer.role, 'accounts:manage'))
        throw new ForbiddenError(
          `A ${ctx.viewer.role} account creates tokens for itself only, not for "${name}"`,
          'username',
          undefined,
          { code: 'OTHERS_TOKENS', args: {} },
        );
      const days = expiresInDays ?? 90;
      refuse(tokenDaysProblem(days));
      const account = await existing(ctx, name);
      if (account.disabledAt)
        throw new BadInputError(`Account "${name}" is disabled`, 'username', {
          code: 'ACCOUNT_DISABLED',
          args: { username: name },
        });
      const created = await createToken(ctx.db, account.userId, days);
      await recordEvent(ctx.db, {
        actor: ctx.viewer,
        subject: name,
        action: 'TOKEN_CREATED',
        detail: created.prefix,
      });
      return { token: created.token, prefix: created.prefix, expiresAt: created.expiresAt.toISOString() };
    },
    revokeToken: async (_root, { prefix }, ctx) => {
      const owner = await tokenOwner(ctx.db, prefix);
      const own = owner !== undefined && owner.userId === ctx.viewer.userId;
      if (own) authorize(ctx.viewer, 'tokens:own');
      // Whether a prefix exists tells nothing (it is no secret), but another's token is not to be touched.
      else if (!may(ctx.viewer.role, 'accounts:manage')) {
        if (!owner) return false;
        throw new ForbiddenError(
          `Token ${prefix} is another account’s: a ${ctx.viewer.role} account revokes its own tokens only`,
          'prefix',
          undefined,
          { code: 'OTHERS_TOKENS', args: {} },
        );
      }
      const revokedFrom = await revokeToken(ctx.db, prefix, own ? ctx.viewer.userId : undefined);
      if (revokedFrom)
        await recordEvent(ctx.db, {
          actor: ctx.viewer,
          subject: revokedFrom,
          action: 'TOKEN_REVOKED',
          detail: prefix,
        });
      return revokedFrom !== null;
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
