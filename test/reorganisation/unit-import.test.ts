import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { importUnits } from '../../server/src/reorganisation/unit-import.service.js';
import { ImportError, readImportFile } from '../../server/src/reorganisation/unit-import.js';
import { startTestServer, type TestServer } from '../support/server.js';

const EXAMPLE_CSV = readFileSync('docs/units-import/example-province.csv', 'utf8');
const EXAMPLE_JSON = readFileSync('docs/units-import/example-province.json', 'utf8');
const HEADER = 'record,code,name,name_en,level,kind,parent,valid_from,category,place,unit';

let server: TestServer;
const em = () => server.app.orm.em.fork();
const counts = async () => {
  const connection = server.app.orm.em.getConnection();
  const [row] = await connection.execute<Array<{ units: number; categories: number; rules: number }>>(
    'select (select count(*) from units)::int as units, (select count(*) from categories)::int as categories, (select count(*) from routing_rules)::int as rules',
  );
  return row!;
};
const problemsOf = async (text: string, format: 'csv' | 'json' = 'csv') => {
  try {
    await importUnits(em(), readImportFile(text, format), false);
  } catch (error) {
    if (error instanceof ImportError) return error.problems;
    throw error;
  }
  throw new Error('the import was accepted');
};

beforeAll(async () => {
  server = await startTestServer({ SEED_DEMO: 'false' });
});

describe('units:import', () => {
  it('loads the example CSV, then reports it unchanged the second time (idempotent)', async () => {
    const first = await importUnits(em(), readImportFile(EXAMPLE_CSV, 'csv'), false);
    expect(first.units.created).toHaveLength(10);
    expect(first.categories.created).toEqual(['LAND', 'INFRASTRUCTURE', 'SECURITY']);
    expect(first.rules.created).toContain('SECURITY @ LD.X01 → LD.X01.CA');
    expect(await counts()).toEqual({ units: 10, categories: 3, rules: 7 });
    const again = await importUnits(em(), readImportFile(EXAMPLE_CSV, 'csv'), false);
    expect(again.units).toEqual({ created: [], updated: [], unchanged: 10 });
    expect(again.rules).toEqual({ created: [], updated: [], unchanged: 7 });
    expect(await counts()).toEqual({ units: 10, categories: 3, rules: 7 });
  });

  it('reads the JSON example the same way and reports a renaming', async () => {
    const renamed = EXAMPLE_JSON.replace('"UBND xã Ví Dụ"', '"UBND xã Ví Dụ Mới"');
    const report = await importUnits(em(), readImportFile(renamed, 'json'), false);
    expect(report.units.updated).toEqual(['LD.X01 (name)']);
    const units = await server.gql<{ units: Array<{ code: string; name: string; formerNames: string[] }> }>(
      '{ units { code name formerNames } }',
    );
    expect(units.data?.units.find((unit) => unit.code === 'LD.X01')).toEqual({
      code: 'LD.X01',
      name: 'UBND xã Ví Dụ Mới',
      formerNames: ['UBND xã Ví Dụ'],
    });
  });

  it('shows the places of an imported tree to the place picker, ready to post to', async () => {
    const units = await server.gql<{ units: Array<{ code: string; isPlace: boolean; level: string }> }>(
      '{ units { code isPlace level } }',
    );
    const places = units.data!.units.filter((unit) => unit.isPlace).map((unit) => unit.code);
    expect(places.sort()).toEqual(['LD.P01', 'LD.P01.TDP1', 'LD.X01', 'LD.X01.T1']);
  });

  it('rejects a cycle with the lines of the units on it, and changes nothing', async () => {
    const before = await counts();
    const problems = await problemsOf(
      [HEADER, 'unit,C1,UBND xã Một,,COMMUNE,GOVERNMENT,C2,,,,', 'unit,C2,UBND xã Hai,,COMMUNE,GOVERNMENT,C1,,,,'].join(
        '\n',
      ),
    );
    expect(problems.map((problem) => problem.line)).toEqual([2, 3]);
    expect(problems[0]!.message).toMatch(/cycle/);
    expect(await counts()).toEqual(before);
  });

  it('rejects an unknown parent with its line, and changes nothing even when other lines are fine', async () => {
    const before = await counts();
    const problems = await problemsOf(
      [
        HEADER,
        'unit,N1,UBND xã Mới Một,,COMMUNE,GOVERNMENT,LD,,,,',
        'unit,N2,UBND xã Mới Hai,,COMMUNE,GOVERNMENT,NO.SUCH,,,,',
        'rule,,,,,,,,INFRASTRUCTURE,N1,N1',
      ].join('\n'),
    );
    expect(problems).toEqual([{ line: 3, message: 'unit N2: unknown parent NO.SUCH' }]);
    expect(await counts()).toEqual(before);
  });

  it('names the JSON line of a bad item', async () => {
    const json = JSON.stringify(
      { units: [{ code: 'J1', name: 'UBND xã J', level: 'COMMUNE', kind: 'GOVERNMENT', parent: 'NOPE' }] },
      null,
      2,
    );
    expect(await problemsOf(json, 'json')).toEqual([{ line: 3, message: 'unit J1: unknown parent NOPE' }]);
  });

  it.each([
    ['a bad level', 'unit,B1,UBND xã B,,TOWNSHIP,GOVERNMENT,LD,,,,', /level must be one of/],
    ['an unknown record', 'thing,B1,,,,,,,,,', /record must be/],
    ['an unknown field in a rule', 'rule,,,,,,,,NO_FIELD,*,LD', /unknown field NO_FIELD/],
    ['an unknown unit in a rule', 'rule,,,,,,,,*,LD.X01,NO.UNIT', /unknown unit NO.UNIT/],
  ])('rejects %s on its line', async (_what, line, message) => {
    const problems = await problemsOf([HEADER, line].join('\n'));
    expect(problems).toEqual([{ line: 2, message: expect.stringMatching(message) }]);
  });

  it('runs as npm run units:import, printing problems as file:line and exiting 1', async () => {
    const file = `${process.env.TMPDIR ?? '/tmp'}/units-import-${process.pid}.csv`;
    const { writeFileSync } = await import('node:fs');
    writeFileSync(file, [HEADER, 'unit,Z1,UBND xã Z,,COMMUNE,GOVERNMENT,Z9,,,,'].join('\n'));
    const run = promisify(execFile)('npx', ['tsx', 'server/src/scripts/units-import.ts', file, '--dry-run'], {
      env: { ...process.env, DATABASE_URL: server.app.orm.config.get('clientUrl') },
    });
    await expect(run).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining(`${file}:2: unit Z1: unknown parent Z9`),
    });
  }, 60_000);
});
