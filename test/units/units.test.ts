import { beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.js';

interface UnitRow {
  id: string;
  code: string;
  name: string;
  level: string;
  kind: string;
  parentId: string | null;
}

const UNITS = '{ units { id code name level kind parentId } categories { code name nameEn } }';

describe('the Lâm Hà demo data', () => {
  let server: TestServer;
  let units: UnitRow[];
  beforeAll(async () => {
    server = await startTestServer();
    const result = await server.gql<{ units: UnitRow[] }>(UNITS);
    units = result.data!.units;
  });

  it('is one tree under the district, with its two towns and fourteen communes', () => {
    const roots = units.filter((unit) => unit.parentId === null);
    expect(roots.map((unit) => unit.name)).toEqual(['UBND huyện Lâm Hà']);
    const ids = new Set(units.map((unit) => unit.id));
    expect(units.every((unit) => unit.parentId === null || ids.has(unit.parentId))).toBe(true);
    const communes = units.filter((unit) => unit.level === 'COMMUNE' && unit.kind === 'GOVERNMENT');
    expect(communes).toHaveLength(16);
    expect(communes.filter((unit) => unit.name.startsWith('UBND thị trấn')).map((unit) => unit.name)).toEqual([
      'UBND thị trấn Đinh Văn',
      'UBND thị trấn Nam Ban',
    ]);
    expect(units.some((unit) => unit.level === 'VILLAGE')).toBe(true);
    for (const kind of ['PARTY_COMMITTEE', 'GOVERNMENT', 'DEPARTMENT', 'FRONT', 'MASS_ORGANIZATION', 'ARMED_FORCES']) {
      expect(
        units.some((unit) => unit.kind === kind),
        kind,
      ).toBe(true);
    }
  });

  it('has the fields of feedback the seed article names', async () => {
    const result = await server.gql<{ categories: Array<{ code: string }> }>(UNITS);
    const codes = result.data!.categories.map((category) => category.code);
    expect(codes).toEqual(
      expect.arrayContaining(['LAND', 'INFRASTRUCTURE', 'SECURITY', 'ADMIN_PROCEDURE', 'CORRUPTION']),
    );
  });

  it('gives every unit an officer who can sign in and belongs to it', async () => {
    for (const { code } of units) {
      const token = await server.login(`${code.toLowerCase()}@nghedan.demo`);
      const me = await server.gql<{ me: { role: string; unit: { code: string } } }>('{ me { role unit { code } } }', {
        token,
      });
      expect(me.data?.me, code).toEqual({ role: 'OFFICER', unit: { code } });
    }
  }, 120_000);

  it('answers NOT_FOUND for a unit that does not exist', async () => {
    const result = await server.gql('{ unit(id: "no-such-unit") { code } }');
    expect(result.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });
});

describe('SEED_DEMO=false', () => {
  it('loads no demo data and no demo accounts', async () => {
    const server = await startTestServer({ SEED_DEMO: 'false' });
    const result = await server.gql<{ units: UnitRow[] }>(UNITS);
    expect(result.data).toEqual({ units: [], categories: [] });
    const login = await server.gql(
      'mutation { login(input: { email: "admin@nghedan.demo", password: "demo-password-for-tests" }) { token } }',
    );
    expect(login.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});
