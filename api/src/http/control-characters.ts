import type { ApolloServerPlugin } from '@apollo/server';
import { type ASTNode, GraphQLError, Kind, type ValueNode } from 'graphql';
import { CONTROL_CHARACTER } from '../lib/control-characters.ts';

/*
 * No argument may carry a NUL or another control character (tab, line feed and carriage return, which
 * a note may hold, excepted): PostgreSQL refuses a NUL in text, which surfaced as a 500, and the
 * others are never typed by a person. Refused before anything runs, naming the argument or variable.
 */
const CONTROL = CONTROL_CHARACTER;

export const controlCharacters: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async didResolveOperation({ request, document }) {
        const found = inVariables(request.variables ?? {}, '$') ?? inArguments(document);
        if (found)
          throw new GraphQLError(`"${found}" holds a control character (such as NUL); remove it`, {
            extensions: { code: 'BAD_USER_INPUT', argument: found, http: { status: 400 } },
          });
      },
    };
  },
};

/** The path of the first string with a control character in a variable's value, if any. */
function inVariables(value: unknown, path: string): string | undefined {
  if (typeof value === 'string') return CONTROL.test(value) ? path : undefined;
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) {
      const found = inVariables(item, `${path}[${i}]`);
      if (found) return found;
    }
  } else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const found = inVariables(item, path === '$' ? `$${key}` : `${path}.${key}`);
      if (found) return found;
    }
  }
  return undefined;
}

/** The name (with its input fields: scope.areaId) of the first literal argument with one, if any. */
function inArguments(node: ASTNode | readonly ASTNode[] | undefined): string | undefined {
  if (!node) return undefined;
  if (Array.isArray(node)) {
    for (const child of node) {
      const found = inArguments(child);
      if (found) return found;
    }
    return undefined;
  }
  const single = node as ASTNode;
  if (single.kind === Kind.ARGUMENT) return inValue(single.value, single.name.value);
  for (const key of ['definitions', 'selectionSet', 'selections', 'arguments'] as const) {
    const found = inArguments((single as unknown as Record<string, ASTNode | ASTNode[] | undefined>)[key]);
    if (found) return found;
  }
  return undefined;
}

function inValue(value: ValueNode, path: string): string | undefined {
  if (value.kind === Kind.STRING) return CONTROL.test(value.value) ? path : undefined;
  if (value.kind === Kind.LIST) {
    for (const [i, item] of value.values.entries()) {
      const found = inValue(item, `${path}[${i}]`);
      if (found) return found;
    }
  }
  if (value.kind === Kind.OBJECT) {
    for (const field of value.fields) {
      const found = inValue(field.value, `${path}.${field.name.value}`);
      if (found) return found;
    }
  }
  return undefined;
}
