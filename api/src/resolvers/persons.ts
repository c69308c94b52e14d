import type { GraphQLResolveInfo } from 'graphql';
import { authorize } from '../auth/policy.ts';
import type { Context } from '../context.ts';
import { getPerson, listAccessLog, type PersonFilter } from '../db/queries/persons.ts';
import type { PersonFilter as PersonFilterInput, Resolvers } from '../generated/graphql.ts';
import { BLOCKER_LABELS } from '../labels.ts';
import { BadInputError, ForbiddenError } from '../lib/errors.ts';
import { limitArgs, offsetCursor, offsetPageArgs } from './pagination.ts';
import { mask, type PersonView } from './person-view.ts';

/** PROVINCE and ANALYST accounts read aggregates only: any field that returns persons refuses them. */
function requirePersonsRole({ viewer }: Context): void {
  authorize(viewer, 'persons:read');
}

/** The operation as the client sent it: the "why" of an access-log entry. */
const operationText = (info: GraphQLResolveInfo) =>
  info.operation.loc?.source.body ?? info.operation.operation;

function personFilter(input: PersonFilterInput | null | undefined): PersonFilter {
  if (!input) return {};
  if (input.noStep && input.step)
    throw new BadInputError('Give "step" or "noStep", not both', 'filter.noStep');
  return {
    step: input.noStep ? 'NONE' : (input.step ?? undefined),
    notActivated: input.notActivated ?? undefined,
    blocker: input.blocker ?? undefined,
  };
}

export const personResolvers: Resolvers = {
  Query: {
    person: async (_root, { id, asOf }, ctx, info) => {
      requirePersonsRole(ctx);
      if (!/^\d{1,9}$/.test(id)) return null;
      const found = await getPerson(ctx.db, Number(id), asOf ?? ctx.today, ctx.reach);
      if (!found) return null;
      if (!found.inReach) throw new ForbiddenError(`Person ${id} works for a unit outside your reach`, 'id');
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
        throw new BadInputError(`"${personId}" is not a person id`, 'personId');
      return listAccessLog(db, {
        username: username ?? undefined,
        personId: personId ? Number(personId) : undefined,
        ...page,
      });
    },
  },
  Unit: {
    persons: async (unit, { asOf, filter, first, after }, ctx, info) => {
      requirePersonsRole(ctx);
      const page = offsetPageArgs('person', first, after);
      const persons = await ctx.loaders.unitPersons.load([
        unit.id,
        { asOf: asOf ?? ctx.today, filter: personFilter(filter), ...page },
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
    unit: async (p, _args, { loaders }) => {
      const unit = await loaders.unitById.load(p.unitId);
      if (!unit) throw new ForbiddenError(`The unit of person ${p.id} is outside your reach`);
      return unit;
    },
  },
  AccessLogEntry: {
    id: (e) => String(e.id),
    personIds: (e) => e.personIds.map(String),
  },
};
