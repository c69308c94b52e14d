import { authorize } from '../auth/policy.ts';
import type { Viewer } from '../auth/reach.ts';
import {
  type Actor,
  assignOfficer,
  isRefusal,
  listAudit,
  type Refusal,
  recordBlocker,
  recordMilestone,
  recordSteps,
  recordTraining,
} from '../db/queries/recording.ts';
import type { Resolvers } from '../generated/graphql.ts';
import type { IsoDate } from '../lib/dates.ts';
import { BadInputError, ForbiddenError, NotFoundError } from '../lib/errors.ts';
import { limitArgs } from './pagination.ts';
import { mask } from './person-view.ts';
import { logRefusals } from './refusal-log.ts';

const MAX_CODES = 5000;
const MAX_UNITS = 500;
const MAX_NOTE = 1000;
const MAX_TITLE = 200;

const actorOf = (viewer: Viewer): Actor => ({ userId: viewer.userId, username: viewer.username });

function notFuture(date: IsoDate, today: IsoDate, argument: string): IsoDate {
  if (date > today)
    throw new BadInputError(`"${argument}" is ${date}, after today (${today})`, argument, {
      code: 'DAY_AFTER_TODAY',
      args: { day: date, today },
    });
  return date;
}

function text(value: string | null | undefined, max: number, argument: string): string | null {
  const trimmed = value?.normalize('NFC').trim() ?? '';
  if (trimmed.length > max)
    throw new BadInputError(`"${argument}" has ${trimmed.length} characters; at most ${max}`, argument, {
      code: 'TOO_LONG',
      args: { length: trimmed.length, max },
    });
  return trimmed || null;
}

function codeList(codes: readonly string[], max: number, argument: string): string[] {
  if (codes.length === 0)
    throw new BadInputError(`"${argument}" is empty`, argument, { code: 'EMPTY', args: {} });
  if (codes.length > max)
    throw new BadInputError(`"${argument}" has ${codes.length} codes; at most ${max}`, argument, {
      code: 'TOO_MANY',
      args: { count: codes.length, max },
    });
  return codes.map((c) => c.trim());
}

/** A refusal of the data layer as the GraphQL error that names the argument and the codes. */
function refuse(refusal: Refusal, argument: string): never {
  const first = refusal.codes.slice(0, 20);
  const shown = first.join(', ') + (refusal.codes.length > 20 ? ', …' : '');
  const refused = { what: refusal.what, codes: first, count: refusal.codes.length };
  if (refusal.refused === 'not-found') {
    if (refusal.codes.length === 1)
      throw new NotFoundError(`The ${refusal.what}`, refusal.codes[0] as string, argument, refused);
    throw new NotFoundError(`${refusal.codes.length} ${refusal.what}s`, shown, argument, refused);
  }
  throw new ForbiddenError(
    `Outside what your account may record for (${refusal.what} ${shown}); nothing was written`,
    argument,
    refused,
  );
}

export const recordingResolvers: Resolvers = {
  Query: {
    auditLog: async (_root, { entity, entityKey, first, offset }, { db, viewer }) => {
      authorize(viewer, 'audit-log:read');
      const { rows, total } = await listAudit(db, { ...limitArgs(first, offset), entity, entityKey });
      return {
        totalCount: total,
        entries: rows.map((r) => ({
          ...r,
          before: r.before === null ? null : JSON.stringify(r.before),
          after: r.after === null ? null : JSON.stringify(r.after),
        })),
      };
    },
  },
  Mutation: {
    recordMilestone: async (_root, args, { db, viewer, reach, today }) => {
      authorize(viewer, 'milestone:record');
      const date = notFuture(args.date, today, 'date');
      const note = text(args.note, MAX_NOTE, 'note');
      const result = await recordMilestone(db, {
        actor: actorOf(viewer),
        reach,
        unitCode: args.unitId,
        milestone: args.milestone,
        date,
        note,
        // An officer records as themselves, whoever they name.
        officer: viewer.role === 'OFFICER' ? { id: viewer.staffId } : { code: args.staffId ?? null },
      });
      if (isRefusal(result)) refuse(result, result.what === 'officer' ? 'staffId' : 'unitId');
      return result;
    },
    recordTraining: async (_root, args, { db, viewer, reach, today }) => {
      authorize(viewer, 'training:record');
      const title = text(args.title, MAX_TITLE, 'title');
      if (!title) throw new BadInputError('"title" is empty', 'title', { code: 'EMPTY', args: {} });
      const result = await recordTraining(db, {
        actor: actorOf(viewer),
        reach,
        officeCode: args.officeId,
        heldOn: notFuture(args.heldOn, today, 'heldOn'),
        title,
        location: text(args.location, MAX_TITLE, 'location'),
        unitCodes: codeList(args.unitIds, MAX_UNITS, 'unitIds'),
      });
      if (isRefusal(result)) refuse(result, result.what === 'office' ? 'officeId' : 'unitIds');
      return { session: result.session, units: { written: result.written, unchanged: result.unchanged } };
    },
    recordSteps: async (_root, args, ctx, info) => {
      const { db, viewer, reach, today } = ctx;
      authorize(viewer, 'steps:record');
      const codes = codeList(args.socialInsuranceCodes, MAX_CODES, 'socialInsuranceCodes');
      const malformed = codes.filter((c) => !/^\d{10}$/.test(c));
      if (malformed.length)
        throw new BadInputError(
          `A social-insurance code has 10 digits: ${malformed.slice(0, 20).join(', ')}${malformed.length > 20 ? ', …' : ''}`,
          'socialInsuranceCodes',
          {
            code: 'SI_CODE_DIGITS',
            args: { codes: malformed.slice(0, 20).join(', ') + (malformed.length > 20 ? ', …' : '') },
          },
        );
      const result = await recordSteps(db, {
        actor: actorOf(viewer),
        reach,
        step: args.step,
        date: notFuture(args.date, today, 'date'),
        codes,
        dryRun: args.dryRun ?? false,
      });
      if (isRefusal(result)) {
        // Logged as a probe of persons would be, for an account of limited reach: a code naming a
        // person outside it by the person's id, one naming nobody masked (it may be anyone's).
        if (reach.kind !== 'all') {
          const outside = new Map(result.outOfReach?.map((p) => [p.code, p.personId]));
          await logRefusals(
            ctx,
            info,
            result.codes.map((code) => {
              const personId = outside.get(code);
              return personId === undefined
                ? { field: 'Mutation.recordSteps', argument: mask(code, 4) as string, reason: 'NOT_FOUND' }
                : { field: 'Mutation.recordSteps', argument: String(personId), reason: 'OUT_OF_REACH' };
            }),
          );
        }
        refuse(result, 'socialInsuranceCodes');
      }
      return result;
    },
    setBlocker: async (_root, args, ctx, info) => {
      const { db, viewer, reach, today } = ctx;
      authorize(viewer, 'blocker:record');
      const personId = Number(args.personId);
      if (!Number.isSafeInteger(personId) || personId <= 0)
        throw new BadInputError(`"personId" is not a person's id: "${args.personId}"`, 'personId', {
          code: 'NOT_AN_ID',
          args: { value: args.personId },
        });
      if (args.reason === 'UNKNOWN')
        throw new BadInputError(
          '"reason" UNKNOWN means none was recorded; pass null to clear a reason',
          'reason',
          { code: 'REASON_UNKNOWN', args: {} },
        );
      const result = await recordBlocker(db, {
        actor: actorOf(viewer),
        reach,
        personId,
        reason: args.reason ?? null,
        date: notFuture(args.date ?? today, today, 'date'),
        note: text(args.note, MAX_NOTE, 'note'),
      });
      if (isRefusal(result)) {
        if (reach.kind !== 'all')
          await logRefusals(ctx, info, [
            {
              field: 'Mutation.setBlocker',
              argument: String(personId),
              reason: result.outOfReach?.length ? 'OUT_OF_REACH' : 'NOT_FOUND',
            },
          ]);
        refuse(result, 'personId');
      }
      return { ...result, personId: String(result.personId) };
    },
    assignOfficer: async (_root, args, { db, viewer, reach }) => {
      authorize(viewer, 'assignment:record');
      const result = await assignOfficer(db, {
        actor: actorOf(viewer),
        reach,
        unitCodes: codeList(args.unitIds, MAX_UNITS, 'unitIds'),
        staffCode: args.staffId,
        from: args.from,
      });
      if (isRefusal(result)) refuse(result, result.what === 'officer' ? 'staffId' : 'unitIds');
      return result;
    },
  },
};
