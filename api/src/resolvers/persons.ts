import type { GraphQLResolveInfo } from 'graphql';
import { authorize, may } from '../auth/policy.ts';
import type { Context } from '../context.ts';
import { getPerson, listAccessLog, type PersonFilter, personsOfUnitInReach } from '../db/queries/persons.ts';
import { listRefusalAlerts, listRefusals } from '../db/queries/refusals.ts';
import type { PersonFilter as PersonFilterInput, Resolvers } from '../generated/graphql.ts';
import { BLOCKER_LABELS } from '../labels.ts';
import { BadInputError, ForbiddenError } from '../lib/errors.ts';
import { limitArgs, offsetCursor, offsetPageArgs } from './pagination.ts';
import { mask, type PersonView } from './person-view.ts';
import { logRefusals, operationText } from './refusal-log.ts';

/**
 * PROVINCE and ANALYST accounts read aggregates only: any field that returns persons refuses them,
 * logged with what they asked for.
 */
async function requirePersonsRole(
  ctx: Context,
  info: GraphQLResolveInfo,
  field: string,
  argument: string,
): Promise<void> {
  if (!may(ctx.viewer.role, 'persons:read'))
    await logRefusals(ctx, info, [{ field, argument, reason: 'ROLE' }]);
  authorize(ctx.viewer, 'persons:read');
}

/** A downloaded file lists at most this many persons: more than the largest unit employs. */
export const MAX_DOWNLOAD_ROWS = 10_000;

/** How far back the refusal alerts are listed. */
const ALERT_PERIOD_HOURS = 24;

function personFilter(input: PersonFilterInput | null | undefined): PersonFilter {
  if (!input) return {};
  if (input.noStep && input.step)
    throw new BadInputError('Give "step" or "noStep", not both', 'filter.noStep', {
      code: 'NOT_BOTH',
      args: { first: 'step', second: 'noStep' },
    });
  return {
    step: input.noStep ? 'NONE' : (input.step ?? undefined),
    notActivated: input.notActivated ?? undefined,
    blocker: input.blocker ?? undefined,
  };
}

export const personResolvers: Resolvers = {
  Query: {
    person: async (_root, { id, asOf }, ctx, info) => {
      await requirePersonsRole(ctx, info, 'Query.person', id);
      if (!/^\d{1,9}$/.test(id)) return null;
      const found = await getPerson(ctx.db, Number(id), asOf ?? ctx.today, ctx.reach);
      // A person outside the reach is answered as one that does not exist: telling them apart would
      // let ids be probed for the persons of other districts. Both are logged for an account of
      // limited reach (so that a probe counts, and costs the same, whatever it hits).
      if (!found?.inReach) {
        if (found || ctx.reach.kind !== 'all')
          await logRefusals(ctx, info, [
            {
              field: 'Query.person',
              argument: id,
              reason: found ? 'OUT_OF_REACH' : 'NOT_FOUND',
            },
          ]);
        return null;
      }
      await ctx.loaders.accessLog.load({
        personIds: [found.person.id],
        operation: operationText(info),
        field: 'Query.person',
      });
      return { ...found.person, opened: true };
    },
    accessLog: async (_root, { username, personId, first, offset }, { db, viewer }) => {
      authorize(viewer, 'access-log:read');
      const page = limitArgs(first, offset);
      if (personId !== null && personId !== undefined && !/^\d{1,9}$/.test(personId))
        throw new BadInputError(`"${personId}" is not a person id`, 'personId', {
          code: 'NOT_AN_ID',
          args: { value: personId },
        });
      return listAccessLog(db, {
        username: username ?? undefined,
        personId: personId ? Number(personId) : undefined,
        ...page,
      });
    },
    refusals: async (_root, { username, first, offset }, { db, viewer }) => {
      authorize(viewer, 'access-log:read');
      return listRefusals(db, { username: username ?? undefined, ...limitArgs(first, offset) });
    },
    refusalAlerts: async (_root, _args, { db, viewer, refusalAlertPerMinute }) => {
      authorize(viewer, 'access-log:read');
      const accounts = await listRefusalAlerts(db, ALERT_PERIOD_HOURS);
      return { threshold: refusalAlertPerMinute, accounts };
    },
  },
  Mutation: {
    recordPersonsDownload: async (_root, { unitId, personIds, format }, ctx, info) => {
      const field = `Download.${format}`;
      await requirePersonsRole(ctx, info, field, unitId);
      if (personIds.length < 1 || personIds.length > MAX_DOWNLOAD_ROWS)
        throw new BadInputError(
          `"personIds" must list 1 to ${MAX_DOWNLOAD_ROWS} persons; got ${personIds.length}`,
          'personIds',
          { code: 'DOWNLOAD_ROWS', args: { count: personIds.length, max: MAX_DOWNLOAD_ROWS } },
        );
      const bad = personIds.find((id) => !/^\d{1,9}$/.test(id));
      if (bad !== undefined)
        throw new BadInputError(`"${bad}" is not a person id`, 'personIds', {
          code: 'NOT_AN_ID',
          args: { value: bad },
        });
      const ids = [...new Set(personIds.map(Number))];
      const found = await personsOfUnitInReach(ctx.db, unitId, ids, ctx.reach);
      if (found.length !== ids.length) {
        // Which ids were not the unit's is not said: that would tell persons elsewhere apart.
        await logRefusals(ctx, info, [{ field, argument: unitId, reason: 'OUT_OF_REACH' }]);
        throw new ForbiddenError(
          `The file names persons who are not of unit "${unitId}" within your reach`,
          'personIds',
          undefined,
          { code: 'DOWNLOAD_OUT_OF_REACH', args: { unit: unitId } },
        );
      }
      await ctx.loaders.accessLog.load({ personIds: found, operation: operationText(info), field });
      return found.length;
    },
  },
  Unit: {
    persons: async (unit, { asOf, filter, orderBy, first, after, offset }, ctx, info) => {
      await requirePersonsRole(ctx, info, 'Unit.persons', unit.code);
      const page = offsetPageArgs('person', first, after, offset);
      const persons = await ctx.loaders.unitPersons.load([
        unit.id,
        { asOf: asOf ?? ctx.today, filter: personFilter(filter), order: orderBy ?? 'NAME', ...page },
      ]);
      if (persons.outOfReach)
        await logRefusals(ctx, info, [
          { field: 'Unit.persons', argument: unit.code, reason: 'OUT_OF_REACH' },
        ]);
      await ctx.loaders.accessLog.load({
        personIds: persons.persons.map((p) => p.id),
        operation: operationText(info),
        field: 'Unit.persons',
      });
      const edges = persons.persons.map((p, i) => ({
        cursor: offsetCursor('person', page.offset + i + 1),
        node: { ...p, opened: false } satisfies PersonView,
      }));
      return {
        edges,
        pageInfo: { hasNextPage: persons.hasNextPage, endCursor: edges.at(-1)?.cursor ?? null },
        totalCount: persons.totalCount,
      };
    },
  },
  Person: {
    id: (p) => String(p.id),
    socialInsuranceCode: (p) =>
      p.opened ? p.socialInsuranceCode : (mask(p.socialInsuranceCode, 4) as string),
    idNumber: (p) => (p.opened ? p.idNumber : mask(p.idNumber, 3)),
    phone: (p) => (p.opened ? p.phone : mask(p.phone, 3)),
    birthDate: (p) => (p.opened ? p.birthDate : null),
    steps: (p, _args, { loaders }) => (p.opened ? loaders.personSteps.load(p.id) : []),
    blocker: (p) =>
      p.blocker === null
        ? null
        : {
            reason: p.blocker,
            label: BLOCKER_LABELS[p.blocker],
            since: p.blockerSince as string,
            note: p.blockerNote,
          },
    unit: async (p, _args, ctx, info) => {
      const unit = await ctx.loaders.unitById.load(p.unitId);
      if (!unit) {
        await logRefusals(ctx, info, [
          { field: 'Person.unit', argument: String(p.id), reason: 'OUT_OF_REACH' },
        ]);
        throw new ForbiddenError(`The unit of person ${p.id} is outside your reach`);
      }
      return unit;
    },
  },
  Refusal: {
    id: (e) => String(e.id),
  },
  AccessLogEntry: {
    id: (e) => String(e.id),
    personIds: (e) => e.personIds.map(String),
  },
};
