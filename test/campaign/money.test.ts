import { beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.js';
import { createCampaign, registerModel, signIn } from './helpers.js';

const ADD_REPORT = `mutation ($input: ProgressReportInput!) {
  addProgressReport(input: $input) { id reportedOn resourcesVnd evidence authorName works { kind quantity measure description } }
}`;
const MODEL_MONEY = `query ($id: ID!) { campaignModel(id: $id) { resourcesVnd reports { resourcesVnd } } }`;
const REVIEW_MONEY = `query ($campaignId: ID!, $year: Int) {
  campaignReview(campaignId: $campaignId, year: $year) {
    totals { registered resourcesVnd } byUnit { unit { code } resourcesVnd } byField { field resourcesVnd } csv
  }
}`;

const BEYOND_DOUBLE = '9007199254740993'; // 2^53 + 1: a JavaScript number would round it to 2^53.

let server: TestServer;
let token: (who: string) => Promise<string>;
let campaignId: string;

const report = async (modelId: string, resourcesVnd: unknown, who = 'lh.nb', works: unknown[] = []) =>
  server.gql<{ addProgressReport: { resourcesVnd: string } }>(ADD_REPORT, {
    token: await token(who),
    variables: {
      input: { modelId, reportedOn: '2025-06-30', resourcesVnd, evidence: 'Biên bản bàn giao', works },
    },
  });

beforeAll(async () => {
  server = await startTestServer();
  token = signIn(server);
  campaignId = await createCampaign(server, await token('admin'));
});

describe('progress reports', () => {
  it('records resources, works and evidence of the unit’s own model', async () => {
    const modelId = await registerModel(server, await token('lh.nb'), campaignId);
    const result = await report(modelId, '125000000', 'lh.nb', [
      { kind: 'ROAD', quantity: 850, measure: 'METRE', description: 'đường bê tông tổ dân phố Đông Anh 1' },
      { kind: 'HOUSE', quantity: 2, measure: 'HOUSE' },
    ]);
    expect(result.errors).toBeUndefined();
    expect(result.data!.addProgressReport).toEqual({
      id: expect.any(String),
      reportedOn: '2025-06-30',
      resourcesVnd: '125000000',
      evidence: 'Biên bản bàn giao',
      authorName: 'Cán bộ UBND thị trấn Nam Ban',
      works: [
        { kind: 'ROAD', quantity: 850, measure: 'METRE', description: 'đường bê tông tổ dân phố Đông Anh 1' },
        { kind: 'HOUSE', quantity: 2, measure: 'HOUSE', description: null },
      ],
    });
  });

  it.each([
    ['lh.pt', 'FORBIDDEN'],
    ['bdv', 'FORBIDDEN'],
    ['dan', 'FORBIDDEN'],
  ])('is written only by the model’s unit: %s gets %s', async (who, code) => {
    const modelId = await registerModel(server, await token('lh.nb'), campaignId);
    expect((await report(modelId, '1', who)).errors?.[0]?.extensions?.code).toBe(code);
  });

  it('takes no more reports once the model is withdrawn', async () => {
    const modelId = await registerModel(server, await token('lh.nb'), campaignId);
    await server.gql('mutation ($input: ModelStepInput!) { withdrawModel(input: $input) { id } }', {
      token: await token('lh.nb'),
      variables: { input: { modelId } },
    });
    expect((await report(modelId, '1')).errors?.[0]?.extensions?.code).toBe('CONFLICT');
  });

  it.each([['-1'], ['1.5'], ['12a'], ['9223372036854775808'], [1.5], [Number.MAX_SAFE_INTEGER + 2], ['']])(
    'refuses %j as an amount of đồng',
    async (amount) => {
      const modelId = await registerModel(server, await token('lh.nb'), campaignId);
      const result = await report(modelId, amount);
      expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(result.errors?.[0]?.message).toMatch(/Vnd/);
    },
  );

  it('refuses a work with no quantity', async () => {
    const modelId = await registerModel(server, await token('lh.nb'), campaignId);
    const result = await report(modelId, '0', 'lh.nb', [{ kind: 'GIFT', quantity: 0, measure: 'GIFT' }]);
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'works.0.quantity' });
  });
});

describe('money is exact to the đồng', () => {
  it('adds amounts beyond 2^53 without rounding, per model and in the review', async () => {
    const own = await createCampaign(server, await token('admin'), 'Tiền lớn');
    const first = await registerModel(server, await token('lh.nb'), own, 'Mô hình thứ nhất');
    const second = await registerModel(server, await token('lh.pt'), own, 'Mô hình thứ hai');
    for (const amount of [BEYOND_DOUBLE, BEYOND_DOUBLE, '1']) {
      expect((await report(first, amount)).data?.addProgressReport.resourcesVnd).toBe(amount);
    }
    expect((await report(second, 7, 'lh.pt')).errors).toBeUndefined();
    expect((await report(second, '4611686018427387904', 'lh.pt')).errors).toBeUndefined(); // 2^62

    const model = await server.gql<{ campaignModel: { resourcesVnd: string } }>(MODEL_MONEY, {
      token: await token('lh.nb'),
      variables: { id: first },
    });
    expect(model.data!.campaignModel.resourcesVnd).toBe('18014398509481987');

    const review = await server.gql<{
      campaignReview: {
        totals: { registered: number; resourcesVnd: string };
        byUnit: Array<{ unit: { code: string }; resourcesVnd: string }>;
        csv: string;
      };
    }>(REVIEW_MONEY, { token: await token('bdv'), variables: { campaignId: own, year: 2025 } });
    expect(review.errors).toBeUndefined();
    const expected = (2n * 9007199254740993n + 1n + 7n + 4611686018427387904n).toString();
    expect(expected).toBe('4629700416936869898');
    expect(review.data!.campaignReview.totals).toEqual({ registered: 2, resourcesVnd: expected });
    expect(review.data!.campaignReview.byUnit).toEqual([
      { unit: { code: 'LH.NB' }, resourcesVnd: '18014398509481987' },
      { unit: { code: 'LH.PT' }, resourcesVnd: '4611686018427387911' },
    ]);
    expect(review.data!.campaignReview.csv).toContain(`\r\nToàn bộ,,2,0,0,2,0,${expected}\r\n`);
  });
});
