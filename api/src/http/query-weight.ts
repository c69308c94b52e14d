import {
  type FragmentDefinitionNode,
  GraphQLError,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLType,
  Kind,
  type SelectionSetNode,
  type ValidationRule,
} from 'graphql';

/*
 * What a request weighs by the work its fields cost the database, not by their number: GraphQL
 * Armor's cost limit counts every field alike, so thirty aliases of `report` (13,7 s at province
 * scale) passed it as easily as thirty of `today`. Each weight is about the field's time at province
 * scale in tens of milliseconds; a request may weigh at most MAX_WEIGHT, which every page of the
 * dashboard stays far below (its heaviest query, the report, weighs 25).
 */
export const FIELD_WEIGHTS: Record<string, number> = {
  'Query.report': 25,
  'Query.blockers': 8,
  'Query.breakdown': 2,
  'Query.ranking': 2,
  'Query.forecast': 2,
  'Query.pace': 1,
  'Query.trend': 1,
  // Three scans (units' search_text, officers and areas folded as they are read); its weight is an
  // estimate, not yet timed by `pnpm bench api`.
  'Query.search': 1,
  // Not for its cost but for privacy: one person is opened at a time, so a request may open five, not
  // thirty aliases' worth (a probe of ids then runs at most 3.000 a minute per credential, logged).
  'Query.person': 10,
};

export const MAX_WEIGHT = 50;

/** Refuses, before anything runs, an operation whose fields weigh more than MAX_WEIGHT in all. */
export const queryWeightRule: ValidationRule = (context) => {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of context.getDocument().definitions)
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  const schema = context.getSchema();

  /** The weight of a selection set on `type`, fragments followed (a spread costs what it selects). */
  const weigh = (set: SelectionSetNode, type: GraphQLNamedType | undefined, depth: number): number => {
    if (depth > 20 || !type) return 0;
    let weight = 0;
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        const field = fieldsOf(type)?.[selection.name.value];
        weight += FIELD_WEIGHTS[`${type.name}.${selection.name.value}`] ?? 0;
        if (selection.selectionSet && field)
          weight += weigh(selection.selectionSet, namedType(field.type), depth + 1);
      } else {
        const fragment =
          selection.kind === Kind.FRAGMENT_SPREAD ? fragments.get(selection.name.value) : selection;
        const condition = fragment?.typeCondition ? schema.getType(fragment.typeCondition.name.value) : type;
        if (fragment) weight += weigh(fragment.selectionSet, condition ?? undefined, depth + 1);
      }
    }
    return weight;
  };

  return {
    OperationDefinition(operation) {
      const root = schema.getRootType(operation.operation) ?? undefined;
      const weight = weigh(operation.selectionSet, root, 0);
      if (weight > MAX_WEIGHT)
        context.reportError(
          new GraphQLError(
            `This request weighs ${weight} (a report 25, blockers 8, a breakdown 2, …); at most ${MAX_WEIGHT} in one request: ask for fewer reports or blockers at a time`,
            { nodes: operation },
          ),
        );
    },
  };
};

/*
 * The schema's types come from Apollo's copy of graphql-js; its instanceof-based helpers (isObjectType,
 * getNamedType) refuse them from ours under tsx ("from another module or realm"), so types are read
 * by their shape.
 */
function fieldsOf(type: GraphQLNamedType): Record<string, GraphQLField<unknown, unknown>> | undefined {
  return 'getFields' in type && typeof type.getFields === 'function'
    ? (type.getFields() as Record<string, GraphQLField<unknown, unknown>>)
    : undefined;
}

function namedType(type: GraphQLType): GraphQLNamedType {
  let named: GraphQLType = type;
  while ('ofType' in named && named.ofType) named = named.ofType;
  return named as GraphQLNamedType;
}
