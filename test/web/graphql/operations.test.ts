import { readFileSync } from 'node:fs';
import { buildSchema, Kind, parse, validate, type DefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import {
  generate,
  generatedFile,
  generateManifest,
  manifestFile,
  operationFiles,
  readSchemaSdl,
} from '../../../web/scripts/codegen';

describe('typed operations', () => {
  it('generated.ts is up to date with schema/schema.graphql and the .graphql files (run npm run web:codegen)', async () => {
    expect(readFileSync(generatedFile, 'utf8')).toBe(await generate());
    // Codegen and Prettier take seconds on a busy CI machine.
  }, 30_000);

  it('the trusted-documents manifest is up to date with the .graphql files (run npm run web:codegen)', () => {
    expect(readFileSync(manifestFile, 'utf8')).toBe(generateManifest());
  });

  it('every operation validates against the committed schema', () => {
    const schema = buildSchema(readSchemaSdl());
    const definitions: DefinitionNode[] = operationFiles().flatMap(
      (file) => parse(readFileSync(file, 'utf8')).definitions,
    );
    expect(validate(schema, { kind: Kind.DOCUMENT, definitions })).toEqual([]);
  });

  it('one operation or fragment per file, named after the file', () => {
    for (const file of operationFiles()) {
      const [definition, ...rest] = parse(readFileSync(file, 'utf8')).definitions;
      expect(rest).toEqual([]);
      const name = definition && 'name' in definition ? definition.name?.value : undefined;
      expect(`${name}.graphql`).toBe(file.split('/').at(-1));
    }
  });
});
