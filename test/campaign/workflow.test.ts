import { beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.js';
import { MODEL_FIELDS, createCampaign, registerModel, signIn } from './helpers.js';

const STATUSES = ['REGISTERED', 'UNDER_APPRAISAL', 'RECOGNISED', 'NOT_RECOGNISED', 'WITHDRAWN'];

type Step = 'update' | 'withdraw' | 'start' | 'appraise' | 'recognise' | 'reject';

const MUTATIONS: Record<Step, { query: string; input: (modelId: string) => Record<string, unknown> }> = {
  update: {
    query: `mutation ($input: UpdateModelInput!) { updateModel(input: $input) { ${MODEL_FIELDS} } }`,
    input: (modelId) => ({
      modelId,
      title: 'Chung tay vì người cao tuổi',
      field: 'CULTURE_SOCIETY',
      goals: 'Thăm hỏi, chăm sóc người cao tuổi neo đơn',
      programmes: [],
      beneficiaries: ['ELDERLY'],
    }),
  },
  withdraw: {
    query: `mutation ($input: ModelStepInput!) { withdrawModel(input: $input) { ${MODEL_FIELDS} } }`,
    input: (modelId) => ({ modelId, note: 'Đơn vị điều chỉnh kế hoạch' }),
  },
  start: {
    query: `mutation ($input: ModelStepInput!) { startAppraisal(input: $input) { ${MODEL_FIELDS} } }`,
    input: (modelId) => ({ modelId }),
  },
  appraise: {
    query: `mutation ($input: AppraiseModelInput!) { appraiseModel(input: $input) { ${MODEL_FIELDS} } }`,
    input: (modelId) => ({ modelId, score: 88, notes: 'Mô hình thiết thực, hiệu quả' }),
  },
  recognise: {
    query: `mutation ($input: RecogniseModelInput!) { recogniseModel(input: $input) { ${MODEL_FIELDS} } }`,
    input: (modelId) => ({ modelId, decisionNumber: '1600-QĐ/HU', decisionDate: '2025-12-19' }),
  },
  reject: {
    query: `mutation ($input: ModelStepInput!) { rejectModel(input: $input) { ${MODEL_FIELDS} } }`,
    input: (modelId) => ({ modelId, note: 'Chưa đạt yêu cầu' }),
  },
};

/** Who takes each step on the happy path: the officer of LH.NB registers, the Ban Dân vận decides. */
const RIGHTFUL: Record<Step, string> = {
  update: 'lh.nb',
  withdraw: 'lh.nb',
  start: 'bdv',
  appraise: 'bdv',
  recognise: 'bdv',
  reject: 'bdv',
};

interface ModelView {
  id: string;
  status: string;
  appraisalScore: number | null;
  decisionNumber: string | null;
  decisionDate: string | null;
  steps: Array<{ action: string; fromStatus: string | null; toStatus: string; actorName: string; at: string }>;
}

let server: TestServer;
let token: (who: string) => Promise<string>;
let campaignId: string;

const take = async (step: Step, modelId: string, who: string | null) => {
  const { query, input } = MUTATIONS[step];
  return server.gql<Record<string, ModelView>>(query, {
    token: who ? await token(who) : undefined,
    variables: { input: input(modelId) },
  });
};

const modelView = async (modelId: string): Promise<ModelView> => {
  const result = await server.gql<{ campaignModel: ModelView }>(
    `query ($id: ID!) { campaignModel(id: $id) { ${MODEL_FIELDS} } }`,
    { token: await token('bdv'), variables: { id: modelId } },
  );
  expect(result.errors).toBeUndefined();
  return result.data!.campaignModel;
};

beforeAll(async () => {
  server = await startTestServer();
  token = signIn(server);
  campaignId = await createCampaign(server, await token('admin'));
});

describe('the model workflow, step by step and person by person', () => {
  // [after these steps, this step, taken by, gives this status or this error code]
  const table: Array<[Step[], Step, string | null, string]> = [
    [[], 'update', 'lh.nb', 'REGISTERED'],
    [['update'], 'update', 'lh.nb', 'REGISTERED'],
    [[], 'update', 'lh.pt', 'FORBIDDEN'],
    [[], 'update', 'bdv', 'FORBIDDEN'],
    [[], 'update', 'dan', 'FORBIDDEN'],
    [['start'], 'update', 'lh.nb', 'INVALID_TRANSITION'],
    [['withdraw'], 'update', 'lh.nb', 'INVALID_TRANSITION'],
    [[], 'withdraw', 'lh.nb', 'WITHDRAWN'],
    [[], 'withdraw', 'lh.pt', 'FORBIDDEN'],
    [[], 'withdraw', 'bdv', 'FORBIDDEN'],
    [[], 'withdraw', 'admin', 'FORBIDDEN'],
    [[], 'withdraw', 'dan', 'FORBIDDEN'],
    [[], 'withdraw', null, 'UNAUTHENTICATED'],
    [['start'], 'withdraw', 'lh.nb', 'INVALID_TRANSITION'],
    [[], 'start', 'bdv', 'UNDER_APPRAISAL'],
    [[], 'start', 'mttq', 'UNDER_APPRAISAL'],
    [[], 'start', 'lh.nb', 'FORBIDDEN'],
    [[], 'start', 'admin', 'FORBIDDEN'],
    [[], 'start', 'kbinh', 'FORBIDDEN'],
    [['start'], 'start', 'bdv', 'INVALID_TRANSITION'],
    [['withdraw'], 'start', 'bdv', 'INVALID_TRANSITION'],
    [[], 'appraise', 'bdv', 'INVALID_TRANSITION'],
    [['start'], 'appraise', 'bdv', 'UNDER_APPRAISAL'],
    [['start', 'appraise'], 'appraise', 'bdv', 'UNDER_APPRAISAL'],
    [['start'], 'appraise', 'lh.nb', 'FORBIDDEN'],
    [['start'], 'recognise', 'bdv', 'INVALID_TRANSITION'],
    [['start', 'appraise'], 'recognise', 'bdv', 'RECOGNISED'],
    [['start', 'appraise'], 'recognise', 'lh.nb', 'FORBIDDEN'],
    [['start', 'appraise'], 'recognise', 'admin', 'FORBIDDEN'],
    [['start', 'appraise'], 'reject', 'bdv', 'NOT_RECOGNISED'],
    [['start'], 'reject', 'bdv', 'INVALID_TRANSITION'],
    [['start', 'appraise', 'recognise'], 'reject', 'bdv', 'INVALID_TRANSITION'],
    [['start', 'appraise', 'recognise'], 'withdraw', 'lh.nb', 'INVALID_TRANSITION'],
    [['start', 'appraise', 'reject'], 'recognise', 'bdv', 'INVALID_TRANSITION'],
    [['withdraw'], 'recognise', 'bdv', 'INVALID_TRANSITION'],
  ];

  it.each(table)('after %j, %s by %s gives %s', async (before, step, who, expected) => {
    const modelId = await registerModel(server, await token('lh.nb'), campaignId);
    for (const earlier of before) {
      const result = await take(earlier, modelId, RIGHTFUL[earlier]);
      expect(result.errors, `setup ${earlier}`).toBeUndefined();
    }
    const { steps: stepsBefore, status: statusBefore } = await modelView(modelId);

    const result = await take(step, modelId, who);
    if (!STATUSES.includes(expected)) {
      expect(result.errors?.[0]?.extensions?.code).toBe(expected);
      const after = await modelView(modelId);
      expect(after.status).toBe(statusBefore);
      expect(after.steps).toHaveLength(stepsBefore.length);
    } else {
      expect(result.errors).toBeUndefined();
      const model = Object.values(result.data!)[0]!;
      expect(model.status).toBe(expected);
      expect(model.steps).toHaveLength(stepsBefore.length + 1);
    }
  });
});

describe('a model from registration to recognition', () => {
  it('records every step with who and when, and the appraisal and decision', async () => {
    const modelId = await registerModel(server, await token('lh.nb'), campaignId, 'Chính quyền thân thiện');
    const updated = await take('update', modelId, 'lh.nb');
    expect(updated.data?.updateModel).toMatchObject({ status: 'REGISTERED' });
    const details = await server.gql(
      `query ($id: ID!) { campaignModel(id: $id) { title field goals programmes beneficiaries } }`,
      { token: await token('lh.nb'), variables: { id: modelId } },
    );
    expect(details.data).toEqual({
      campaignModel: {
        title: 'Chung tay vì người cao tuổi',
        field: 'CULTURE_SOCIETY',
        goals: 'Thăm hỏi, chăm sóc người cao tuổi neo đơn',
        programmes: [],
        beneficiaries: ['ELDERLY'],
      },
    });
    for (const step of ['start', 'appraise', 'recognise'] as Step[]) {
      expect((await take(step, modelId, RIGHTFUL[step])).errors).toBeUndefined();
    }
    const model = await modelView(modelId);
    expect(model).toMatchObject({
      status: 'RECOGNISED',
      appraisalScore: 88,
      decisionNumber: '1600-QĐ/HU',
      decisionDate: '2025-12-19',
    });
    expect(
      model.steps.map(({ action, fromStatus, toStatus, actorName }) => ({ action, fromStatus, toStatus, actorName })),
    ).toEqual([
      { action: 'REGISTER', fromStatus: null, toStatus: 'REGISTERED', actorName: 'Cán bộ UBND thị trấn Nam Ban' },
      { action: 'UPDATE', fromStatus: 'REGISTERED', toStatus: 'REGISTERED', actorName: 'Cán bộ UBND thị trấn Nam Ban' },
      {
        action: 'START_APPRAISAL',
        fromStatus: 'REGISTERED',
        toStatus: 'UNDER_APPRAISAL',
        actorName: 'Trần Thị Hòa (Ban Dân vận Huyện ủy)',
      },
      {
        action: 'APPRAISE',
        fromStatus: 'UNDER_APPRAISAL',
        toStatus: 'UNDER_APPRAISAL',
        actorName: 'Trần Thị Hòa (Ban Dân vận Huyện ủy)',
      },
      {
        action: 'RECOGNISE',
        fromStatus: 'UNDER_APPRAISAL',
        toStatus: 'RECOGNISED',
        actorName: 'Trần Thị Hòa (Ban Dân vận Huyện ủy)',
      },
    ]);
    const times = model.steps.map((step) => Date.parse(step.at));
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });

  it('lets only one of two simultaneous decisions win', async () => {
    const modelId = await registerModel(server, await token('lh.nb'), campaignId);
    await take('start', modelId, 'bdv');
    await take('appraise', modelId, 'bdv');
    const results = await Promise.all([take('recognise', modelId, 'bdv'), take('reject', modelId, 'mttq')]);
    const codes = results.map((result) => result.errors?.[0]?.extensions?.code ?? 'OK').sort();
    expect(codes).toEqual(['INVALID_TRANSITION', 'OK']);
    const model = await modelView(modelId);
    expect(model.steps.filter((step) => ['RECOGNISE', 'REJECT'].includes(step.action))).toHaveLength(1);
  });
});

describe('registration', () => {
  const REGISTER = `mutation ($input: RegisterModelInput!) { registerModel(input: $input) { id } }`;
  const input = (overrides: Record<string, unknown> = {}) => ({
    campaignId,
    year: 2025,
    title: 'Mô hình',
    field: 'CULTURE_SOCIETY',
    goals: 'Mục tiêu',
    programmes: [],
    beneficiaries: ['ORPHANS'],
    ...overrides,
  });

  it.each([
    ['dan', 'FORBIDDEN'],
    ['bdv', 'FORBIDDEN'],
    ['admin', 'FORBIDDEN'],
  ])('is for officers only: %s gets %s', async (who, code) => {
    const result = await server.gql(REGISTER, { token: await token(who), variables: { input: input() } });
    expect(result.errors?.[0]?.extensions?.code).toBe(code);
  });

  it.each([
    [{ year: 2024 }, 'year'],
    [{ title: '   ' }, 'title'],
    [{ goals: '' }, 'goals'],
    [{ campaignId: 'not-an-id' }, 'campaignId'],
  ])('refuses %j naming the field %s', async (overrides, field) => {
    const result = await server.gql(REGISTER, { token: await token('lh.nb'), variables: { input: input(overrides) } });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
  });
});
