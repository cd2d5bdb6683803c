import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../server/src/config.js';
import { createTestDatabase } from '../support/database.js';
import { startServerProcess } from '../support/process.js';
import { DEMO_PASSWORD, TEST_JWT_SECRET } from '../support/constants.js';

const dist = path.join(projectRoot, 'dist/server');
const built = existsSync(path.join(dist, 'main.js'));
if (!built) console.info('compiled build: dist/server is missing, run `npm run build` first (.ci/run does)');

const filesUnder = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(path.join(dir, entry.name)) : [path.join(dir, entry.name)],
  );

/** The package a bare specifier names (`@scope/name/sub` → `@scope/name`). */
const packageOf = (specifier: string) =>
  specifier
    .split('/')
    .slice(0, specifier.startsWith('@') ? 2 : 1)
    .join('/');

describe.runIf(built)('the compiled server (dist/server)', () => {
  it('imports nothing but Node and the production dependencies', () => {
    const manifest = JSON.parse(readFileSync(path.join(projectRoot, 'package.json'), 'utf8')) as {
      dependencies: Record<string, string>;
    };
    const imported = new Set<string>();
    for (const file of filesUnder(dist).filter((name) => name.endsWith('.js'))) {
      const code = readFileSync(file, 'utf8');
      // Static imports and re-exports start a line in tsc's output; dynamic imports may be anywhere.
      const specifiers = code.matchAll(
        /^(?:import|export)\s[^;'"]*?from\s*['"]([^'"]+)['"]|^import\s*['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)/gm,
      );
      for (const match of specifiers) {
        const specifier = match[1] ?? match[2] ?? match[3]!;
        if (!specifier.startsWith('.')) imported.add(specifier);
      }
    }
    const outside = [...imported]
      .filter((specifier) => !specifier.startsWith('node:') && !builtinModules.includes(specifier))
      .map(packageOf)
      .filter((name) => !(name in manifest.dependencies));
    expect(imported.size).toBeGreaterThan(10);
    expect([...new Set(outside)]).toEqual([]);
  });

  it('starts with plain node, serves GraphQL, and stops cleanly on SIGTERM', { timeout: 120_000 }, async () => {
    const server = await startServerProcess(
      {
        NODE_ENV: 'production',
        DATABASE_URL: await createTestDatabase('seeded'),
        JWT_SECRET: TEST_JWT_SECRET,
        DEMO_PASSWORD,
      },
      'compiled',
    );
    expect((await fetch(`${server.url}/readyz`)).status).toBe(200);
    // In production only registered documents run: one of the web app's, from the manifest the
    // compiled server reads at start.
    const manifest = JSON.parse(
      readFileSync(path.join(projectRoot, 'schema/trusted-documents.json'), 'utf8'),
    ) as Record<string, string>;
    const query = Object.values(manifest).find((document) => document.startsWith('query CampaignUnits'));
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query }),
    });
    const body = (await response.json()) as { data?: { units: Array<{ code: string }> } };
    expect(body.data?.units.map((unit) => unit.code)).toContain('LH');
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
    expect(server.output()).toContain('stopped cleanly');
  });
});
