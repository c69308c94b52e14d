import { buildSchema, isEnumType, isInputObjectType, isObjectType } from 'graphql';
import { expect, test } from 'vitest';
import { loadTypeDefs } from '../../api/src/server.ts';

/* The schema is the analysts' documentation: every type, field, argument and enum value says what it is. */

test('every type, field, argument and enum value of the schema has a description', () => {
  const schema = buildSchema(loadTypeDefs().join('\n'));
  const missing: string[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__') || ['String', 'Int', 'Float', 'Boolean', 'ID'].includes(type.name))
      continue;
    if (!type.description && !['Query'].includes(type.name)) missing.push(type.name);
    if (isObjectType(type) || isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) {
        if (!field.description) missing.push(`${type.name}.${field.name}`);
        for (const arg of 'args' in field ? field.args : []) {
          if (
            !arg.description &&
            !['asOf', 'scope', 'first', 'after', 'from', 'to', 'id', 'filter', 'orderBy'].includes(arg.name)
          ) {
            missing.push(`${type.name}.${field.name}(${arg.name})`);
          }
        }
      }
    }
    if (isEnumType(type)) {
      for (const value of type.getValues())
        if (!value.description) missing.push(`${type.name}.${value.name}`);
    }
  }
  expect(missing).toEqual([]);
});
