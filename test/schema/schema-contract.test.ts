import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  isScalarType,
  isSpecifiedScalarType,
  type GraphQLSchema,
} from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../server/src/config.js';
import { createSchema, printContract } from '../../server/src/schema.js';

let schema: GraphQLSchema;
beforeAll(async () => {
  schema = await createSchema();
});

/** Every named thing a client sees that has no description, as `Type.field(arg)` paths. */
function undocumented(schema: GraphQLSchema): string[] {
  const missing: string[] = [];
  const check = (description: string | null | undefined, where: string) => {
    if (!description?.trim()) missing.push(where);
  };
  const roots = new Set([schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()]);
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__') || (isScalarType(type) && isSpecifiedScalarType(type))) continue;
    if (!roots.has(type as never)) check(type.description, type.name);
    if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) {
        check(field.description, `${type.name}.${field.name}`);
        for (const arg of 'args' in field ? field.args : [])
          check(arg.description, `${type.name}.${field.name}(${arg.name})`);
      }
    }
    if (isEnumType(type)) for (const value of type.getValues()) check(value.description, `${type.name}.${value.name}`);
  }
  return missing;
}

describe('schema/schema.graphql', () => {
  it('is what the code emits (run `npm run schema:emit` after changing the API)', () => {
    const committed = readFileSync(path.join(projectRoot, 'schema/schema.graphql'), 'utf8');
    expect(committed).toBe(printContract(schema));
  });

  it('documents every type, field, argument and enum value', () => {
    expect(undocumented(schema)).toEqual([]);
  });
});
