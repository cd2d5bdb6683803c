import { beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.js';

const REVIEW = `query ($campaignId: ID!, $year: Int) {
  campaignReview(campaignId: $campaignId, year: $year) {
    year
    totals { registered recognised notRecognised pending withdrawn resourcesVnd }
    byUnit { unit { code } registered recognised resourcesVnd }
    byField { field registered recognised resourcesVnd }
    commendations { issuer recipientKind count forModels }
    works { kind measure quantity }
    replications
    csv
  }
}`;

interface Figures {
  registered: number;
  recognised: number;
  notRecognised: number;
  pending: number;
  withdrawn: number;
  resourcesVnd: string;
}
interface Review {
  year: number | null;
  totals: Figures;
  byUnit: Array<{ unit: { code: string }; registered: number; recognised: number; resourcesVnd: string }>;
  byField: Array<{ field: string; registered: number; recognised: number; resourcesVnd: string }>;
  commendations: Array<{ issuer: string; recipientKind: string; count: number; forModels: number }>;
  works: Array<{ kind: string; measure: string; quantity: number }>;
  replications: number;
  csv: string;
}

let server: TestServer;
let campaignId: string;
let monitor: string;
const statements: string[] = [];

const review = async (year: number | null, token = monitor) => {
  const result = await server.gql<{ campaignReview: Review }>(REVIEW, { token, variables: { campaignId, year } });
  expect(result.errors).toBeUndefined();
  return result.data!.campaignReview;
};

beforeAll(async () => {
  server = await startTestServer();
  // Every SQL statement the server sends goes through this knex instance.
  server.app.orm.em
    .getConnection()
    .getKnex()
    .on('query', (query: { sql: string }) => void statements.push(query.sql));
  monitor = await server.login('bdv@nghedan.demo');
  const campaigns = await server.gql<{ campaigns: Array<{ id: string; name: string; years: number[] }> }>(
    '{ campaigns { id name years } }',
    { token: monitor },
  );
  expect(campaigns.data?.campaigns).toEqual([
    { id: expect.any(String), name: 'Dân vận khéo giai đoạn 2022 - 2025', years: [2022, 2023, 2024, 2025] },
  ]);
  campaignId = campaigns.data!.campaigns[0]!.id;
});

describe('the review of the Lâm Hà demo data for 2023', () => {
  it('gives the seed article figures: 44 registered, 42 recognised, over 4.3 billion đồng', async () => {
    const { totals } = await review(2023);
    expect(totals).toMatchObject({ registered: 44, recognised: 42, notRecognised: 2, pending: 0, withdrawn: 0 });
    expect(BigInt(totals.resourcesVnd) > 4_300_000_000n).toBe(true);
    expect(BigInt(totals.resourcesVnd) < 4_400_000_000n).toBe(true);
  });

  it("counts the People's Committees' commendations by issuer and kind", async () => {
    const { commendations } = await review(2023);
    expect(commendations).toEqual([
      { issuer: 'DISTRICT_PEOPLES_COMMITTEE', recipientKind: 'COLLECTIVE', count: 3, forModels: 3 },
      { issuer: 'DISTRICT_PEOPLES_COMMITTEE', recipientKind: 'INDIVIDUAL', count: 4, forModels: 0 },
      { issuer: 'PROVINCIAL_PEOPLES_COMMITTEE', recipientKind: 'COLLECTIVE', count: 1, forModels: 1 },
      { issuer: 'PROVINCIAL_PEOPLES_COMMITTEE', recipientKind: 'INDIVIDUAL', count: 0, forModels: 0 },
    ]);
  });

  it('adds up the same by unit and by field as in total, spread over every field', async () => {
    const { totals, byUnit, byField } = await review(2023);
    for (const rows of [byUnit, byField]) {
      expect(rows.reduce((sum, row) => sum + row.registered, 0)).toBe(totals.registered);
      expect(rows.reduce((sum, row) => sum + row.recognised, 0)).toBe(totals.recognised);
      expect(rows.reduce((sum, row) => sum + BigInt(row.resourcesVnd), 0n)).toBe(BigInt(totals.resourcesVnd));
    }
    expect(byField.map((row) => row.field)).toEqual([
      'ECONOMY',
      'CULTURE_SOCIETY',
      'DEFENCE_SECURITY',
      'PARTY_GOVERNMENT_BUILDING',
    ]);
    expect(byField.every((row) => row.registered > 0)).toBe(true);
    expect(byUnit.length).toBeGreaterThan(30);
    expect(byUnit.find((row) => row.unit.code === 'LH.PN')).toMatchObject({ registered: 2, recognised: 2 });
    const codes = byUnit.map((row) => row.unit.code);
    expect(codes).toEqual([...codes].sort((a, b) => a.localeCompare(b)));
  });

  it('sums the works done by kind and unit of measure', async () => {
    const { works } = await review(2023);
    expect(works).toContainEqual({ kind: 'HOUSE', measure: 'HOUSE', quantity: expect.any(Number) });
    expect(works.find((row) => row.kind === 'ROAD' && row.measure === 'METRE')!.quantity).toBeGreaterThan(1000);
  });

  it('keeps the open 2024 round apart, and the whole period adds both', async () => {
    const [year2023, open, period] = await Promise.all([review(2023), review(2024), review(null)]);
    expect(open.totals).toMatchObject({ registered: 4, recognised: 0, pending: 4, withdrawn: 1 });
    expect(period.year).toBeNull();
    expect(period.totals).toMatchObject({ registered: 48, recognised: 42, withdrawn: 1 });
    expect(BigInt(period.totals.resourcesVnd)).toBe(
      BigInt(year2023.totals.resourcesVnd) + BigInt(open.totals.resourcesVnd),
    );
    expect(period.replications).toBe(2);
  });
});

describe('the review as CSV', () => {
  it('is UTF-8 with a byte-order mark and CRLF line ends, with the figures of the query', async () => {
    const { csv, totals } = await review(2023);
    expect(csv.startsWith('\uFEFFDân vận khéo giai đoạn 2022 - 2025,Sơ kết năm 2023\r\n')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expect(csv).toContain(`\r\nToàn bộ,,44,42,2,0,0,${totals.resourcesVnd}\r\n`);
    expect(csv).toContain('\r\nLH.PN,Hội Liên hiệp Phụ nữ huyện Lâm Hà,2,2,0,0,0,');
    expect(csv).toContain('\r\nUBND huyện,Tập thể,3,3\r\nUBND huyện,Cá nhân,4,0\r\nUBND tỉnh,Tập thể,1,1\r\n');
  });
});

describe('who may read the review', () => {
  it('lets staff read it and refuses citizens and anonymous callers', async () => {
    for (const email of ['admin@nghedan.demo', 'lh.nb@nghedan.demo', 'mttq@nghedan.demo']) {
      const token = await server.login(email);
      expect((await review(2023, token)).totals.registered, email).toBe(44);
    }
    const citizen = await server.login('dan@nghedan.demo');
    const refused = await server.gql(REVIEW, { token: citizen, variables: { campaignId, year: 2023 } });
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const anonymous = await server.gql(REVIEW, { variables: { campaignId, year: 2023 } });
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('refuses a year outside the campaign period', async () => {
    const result = await server.gql(REVIEW, { token: monitor, variables: { campaignId, year: 2019 } });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'year' });
  });
});

describe('the cost of the campaign pages in SQL', () => {
  const counted = async (query: string, variables: Record<string, unknown>) => {
    statements.length = 0;
    const result = await server.gql(query, { token: monitor, variables });
    expect(result.errors).toBeUndefined();
    return { result, count: statements.filter((sql) => !/^(begin|commit|rollback)/i.test(sql)).length };
  };

  it('computes the review in a fixed number of statements, however many models', async () => {
    const { count } = await counted(REVIEW, { campaignId, year: null });
    // The viewer, the campaign, four aggregates, the units named in them and their listening figures.
    expect(count).toBeLessThanOrEqual(8);
  });

  it('computes a (campaign, year) once per request, however many aliases ask for it and its CSV', async () => {
    const one = await counted(REVIEW, { campaignId, year: 2023 });
    const aliases = Array.from(
      { length: 15 },
      (_, index) => `r${index}: campaignReview(campaignId: $campaignId, year: $year) { csv totals { registered } }`,
    ).join(' ');
    const fifteen = await counted(`query ($campaignId: ID!, $year: Int) { ${aliases} }`, { campaignId, year: 2023 });
    expect(fifteen.count).toBeLessThanOrEqual(one.count);
    const data = fifteen.result.data as Record<string, { csv: string }>;
    expect(new Set(Object.values(data).map((review) => review.csv)).size).toBe(1);
  });

  it('lists every model with its unit, campaign and exact resources without a query per model', async () => {
    const { result, count } = await counted(
      `query ($filter: CampaignModelFilter!) {
        campaignModels(filter: $filter) { id title status year field resourcesVnd unit { code name } campaign { name } }
      }`,
      { filter: { campaignId } },
    );
    const models = (result.data as { campaignModels: Array<{ resourcesVnd: string; year: number }> }).campaignModels;
    expect(models).toHaveLength(49);
    const sum2023 = models
      .filter((model) => model.year === 2023)
      .reduce((sum, model) => sum + BigInt(model.resourcesVnd), 0n);
    expect(sum2023).toBe(BigInt((await review(2023)).totals.resourcesVnd));
    expect(count).toBeLessThanOrEqual(3);
  });
});
