import { beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.js';
import { CREATE_CAMPAIGN, createCampaign, registerModel, signIn } from './helpers.js';

const MODELS = `query ($filter: CampaignModelFilter!) { campaignModels(filter: $filter) { id title status unit { code } } }`;
const MODEL = `query ($id: ID!) { campaignModel(id: $id) { id status } }`;
const COMMEND = `mutation ($input: CommendationInput!) {
  recordCommendation(input: $input) { id issuer recipientKind recipientName recipientUnit { code } model { id } decisionNumber decisionDate }
}`;
const REPLICATE = `mutation ($input: ReplicationInput!) { recordReplication(input: $input) { year unit { code } } }`;

let server: TestServer;
let token: (who: string) => Promise<string>;
let demoCampaignId: string;
let unitIds: Map<string, string>;

const recognisedModel = async (campaignId: string, officer = 'lh.nb'): Promise<string> => {
  const modelId = await registerModel(server, await token(officer), campaignId);
  const monitor = await token('bdv');
  for (const mutation of [
    'startAppraisal(input: { modelId: $id })',
    'appraiseModel(input: { modelId: $id, score: 90, notes: "Tốt" })',
    'recogniseModel(input: { modelId: $id, decisionNumber: "1-QĐ/HU", decisionDate: "2025-12-01" })',
  ]) {
    const result = await server.gql(`mutation ($id: ID!) { ${mutation} { id } }`, {
      token: monitor,
      variables: { id: modelId },
    });
    expect(result.errors).toBeUndefined();
  }
  return modelId;
};

beforeAll(async () => {
  server = await startTestServer();
  token = signIn(server);
  const campaigns = await server.gql<{ campaigns: Array<{ id: string }> }>('{ campaigns { id } }', {
    token: await token('dan'),
  });
  demoCampaignId = campaigns.data!.campaigns[0]!.id;
  const units = await server.gql<{ units: Array<{ id: string; code: string }> }>('{ units { id code } }');
  unitIds = new Map(units.data!.units.map((unit) => [unit.code, unit.id]));
});

describe('campaigns', () => {
  it('are created by administrators only', async () => {
    const input = { name: 'Dân vận khéo 2026 - 2030', description: '', startYear: 2026, endYear: 2030 };
    for (const who of ['bdv', 'lh.nb', 'dan']) {
      const result = await server.gql(CREATE_CAMPAIGN, { token: await token(who), variables: { input } });
      expect(result.errors?.[0]?.extensions?.code, who).toBe('FORBIDDEN');
    }
    const created = await server.gql(CREATE_CAMPAIGN, { token: await token('admin'), variables: { input } });
    expect(created.data).toMatchObject({ createCampaign: { years: [2026, 2027, 2028, 2029, 2030] } });
  });

  it('refuse a period that ends before it starts', async () => {
    const input = { name: 'Sai', description: '', startYear: 2026, endYear: 2025 };
    const result = await server.gql(CREATE_CAMPAIGN, { token: await token('admin'), variables: { input } });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'endYear' });
  });

  it('cannot shrink past a year that has models', async () => {
    const update = `mutation ($id: ID!, $input: CampaignInput!) { updateCampaign(id: $id, input: $input) { endYear } }`;
    const input = { name: 'Dân vận khéo', description: 'Giai đoạn 2022 - 2023', startYear: 2022, endYear: 2023 };
    const result = await server.gql(update, { token: await token('admin'), variables: { id: demoCampaignId, input } });
    expect(result.errors?.[0]?.extensions?.code).toBe('CONFLICT');
  });
});

describe('who reads which models', () => {
  it('shows citizens recognised models only, officers also their own unit’s, monitors all', async () => {
    const count = async (who: string, filter: Record<string, unknown> = {}) => {
      const result = await server.gql<{ campaignModels: Array<{ status: string; unit: { code: string } }> }>(MODELS, {
        token: await token(who),
        variables: { filter: { campaignId: demoCampaignId, ...filter } },
      });
      expect(result.errors).toBeUndefined();
      return result.data!.campaignModels;
    };
    const citizen = await count('dan');
    expect(citizen).toHaveLength(42);
    expect(citizen.every((model) => model.status === 'RECOGNISED')).toBe(true);
    const officer = await count('lh.pn');
    expect(officer.filter((model) => model.status !== 'RECOGNISED').map((model) => model.unit.code)).toEqual(['LH.PN']);
    expect(await count('bdv')).toHaveLength(49);
    expect(await count('bdv', { year: 2024, statuses: ['REGISTERED', 'UNDER_APPRAISAL'] })).toHaveLength(4);
    expect(await count('admin', { unitId: unitIds.get('LH.PN'), year: 2023 })).toHaveLength(2);
  });

  it('answers NOT_FOUND for a model the viewer may not see', async () => {
    const queue = await server.gql<{ campaignModels: Array<{ id: string }> }>(MODELS, {
      token: await token('bdv'),
      variables: { filter: { campaignId: demoCampaignId, statuses: ['REGISTERED'] } },
    });
    const id = queue.data!.campaignModels[0]!.id;
    for (const who of ['dan', 'lh.pt']) {
      const result = await server.gql(MODEL, { token: await token(who), variables: { id } });
      expect(result.errors?.[0]?.extensions?.code, who).toBe('NOT_FOUND');
    }
    expect((await server.gql(MODEL, { token: await token('mttq'), variables: { id } })).data).toMatchObject({
      campaignModel: { status: 'REGISTERED' },
    });
    expect((await server.gql(MODEL, { variables: { id } })).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe('commendations', () => {
  const input = (overrides: Record<string, unknown>) => ({
    campaignId: demoCampaignId,
    year: 2024,
    issuer: 'DISTRICT_PEOPLES_COMMITTEE',
    recipientKind: 'INDIVIDUAL',
    recipientName: 'Nguyễn Văn Bình',
    citation: 'Cá nhân tiêu biểu',
    decisionNumber: '99/QĐ-UBND',
    decisionDate: '2025-01-10',
    ...overrides,
  });

  it('are recorded by monitors and administrators, for an individual or a unit, optionally for a model', async () => {
    const individual = await server.gql(COMMEND, { token: await token('bdv'), variables: { input: input({}) } });
    expect(individual.data).toMatchObject({
      recordCommendation: { recipientKind: 'INDIVIDUAL', recipientName: 'Nguyễn Văn Bình', recipientUnit: null },
    });
    const collective = await server.gql(COMMEND, {
      token: await token('admin'),
      variables: {
        input: input({
          issuer: 'PROVINCIAL_PEOPLES_COMMITTEE',
          recipientKind: 'COLLECTIVE',
          recipientName: null,
          recipientUnitId: unitIds.get('LH.TH'),
        }),
      },
    });
    expect(collective.data).toMatchObject({
      recordCommendation: { recipientKind: 'COLLECTIVE', recipientName: null, recipientUnit: { code: 'LH.TH' } },
    });
  });

  it.each([
    [{ recipientKind: 'COLLECTIVE' }, 'recipientUnitId'],
    [{ recipientName: null }, 'recipientName'],
    [{ year: 2030 }, 'year'],
    [{ modelId: '00000000-0000-4000-8000-000000000000' }, 'modelId'],
  ])('refuses %j naming %s', async (overrides, field) => {
    const result = await server.gql(COMMEND, { token: await token('bdv'), variables: { input: input(overrides) } });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
  });

  it('are not recorded by officers or citizens', async () => {
    for (const who of ['lh.nb', 'dan']) {
      const result = await server.gql(COMMEND, { token: await token(who), variables: { input: input({}) } });
      expect(result.errors?.[0]?.extensions?.code, who).toBe('FORBIDDEN');
    }
  });
});

describe('replication', () => {
  let campaignId: string;
  beforeAll(async () => {
    campaignId = await createCampaign(server, await token('admin'), 'Nhân rộng');
  });

  it('marks a recognised model as taken up by other units, once per unit', async () => {
    const modelId = await recognisedModel(campaignId);
    const own = await server.gql(REPLICATE, {
      token: await token('lh.pt'),
      variables: { input: { modelId, year: 2026, notes: 'Áp dụng ở thôn Kon Pang' } },
    });
    expect(own.data).toEqual({ recordReplication: { year: 2026, unit: { code: 'LH.PT' } } });
    const byMonitor = await server.gql(REPLICATE, {
      token: await token('bdv'),
      variables: { input: { modelId, year: 2026, unitId: unitIds.get('LH.TH') } },
    });
    expect(byMonitor.errors).toBeUndefined();
    const again = await server.gql(REPLICATE, {
      token: await token('lh.pt'),
      variables: { input: { modelId, year: 2026 } },
    });
    expect(again.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    const model = await server.gql(`query ($id: ID!) { campaignModel(id: $id) { replications { unit { code } } } }`, {
      token: await token('dan'),
      variables: { id: modelId },
    });
    expect(model.data).toEqual({
      campaignModel: { replications: [{ unit: { code: 'LH.PT' } }, { unit: { code: 'LH.TH' } }] },
    });
  });

  it('refuses a model not yet recognised, the model’s own unit and another unit named by an officer', async () => {
    const registered = await registerModel(server, await token('lh.nb'), campaignId);
    const recognised = await recognisedModel(campaignId);
    const cases: Array<[string, Record<string, unknown>, string]> = [
      ['lh.pt', { modelId: registered, year: 2025 }, 'CONFLICT'],
      ['lh.nb', { modelId: recognised, year: 2025 }, 'BAD_USER_INPUT'],
      ['lh.pt', { modelId: recognised, year: 2025, unitId: unitIds.get('LH.TH') }, 'FORBIDDEN'],
      ['bdv', { modelId: recognised, year: 2025 }, 'BAD_USER_INPUT'],
      ['dan', { modelId: recognised, year: 2025 }, 'FORBIDDEN'],
      ['admin', { modelId: recognised, year: 2025 }, 'FORBIDDEN'],
    ];
    for (const [who, input, code] of cases) {
      const result = await server.gql(REPLICATE, { token: await token(who), variables: { input } });
      expect(result.errors?.[0]?.extensions?.code, `${who} ${JSON.stringify(input)}`).toBe(code);
    }
  });
});
