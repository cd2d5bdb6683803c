import { expect } from 'vitest';
import type { TestServer } from '../support/server.js';

export const CREATE_CAMPAIGN = `mutation ($input: CampaignInput!) {
  createCampaign(input: $input) { id name startYear endYear years }
}`;

export const REGISTER_MODEL = `mutation ($input: RegisterModelInput!) {
  registerModel(input: $input) { id status year resourcesVnd unit { code } }
}`;

export const MODEL_FIELDS = `id status appraisalScore appraisalNotes decisionNumber decisionDate
  steps { action fromStatus toStatus actorName note at }`;

/** Signs people in once per file and remembers their tokens. */
export function signIn(server: TestServer) {
  const tokens = new Map<string, string>();
  return async (who: string): Promise<string> => {
    const email = who.includes('@') ? who : `${who}@nghedan.demo`;
    if (!tokens.has(email)) tokens.set(email, await server.login(email));
    return tokens.get(email)!;
  };
}

/** A campaign of the test's own, so the demo figures stay untouched. */
export async function createCampaign(server: TestServer, admin: string, name = 'Thử nghiệm'): Promise<string> {
  const result = await server.gql<{ createCampaign: { id: string } }>(CREATE_CAMPAIGN, {
    token: admin,
    variables: { input: { name, description: 'Dữ liệu kiểm thử', startYear: 2025, endYear: 2026 } },
  });
  expect(result.errors).toBeUndefined();
  return result.data!.createCampaign.id;
}

export async function registerModel(
  server: TestServer,
  officer: string,
  campaignId: string,
  title = 'Mô hình thử nghiệm',
): Promise<string> {
  const result = await server.gql<{ registerModel: { id: string; status: string; resourcesVnd: string } }>(
    REGISTER_MODEL,
    {
      token: officer,
      variables: {
        input: {
          campaignId,
          year: 2025,
          title,
          field: 'ECONOMY',
          goals: 'Hỗ trợ hộ nghèo phát triển sinh kế',
          programmes: ['POVERTY_REDUCTION'],
          beneficiaries: ['POOR_HOUSEHOLDS'],
        },
      },
    },
  );
  expect(result.errors).toBeUndefined();
  expect(result.data!.registerModel).toMatchObject({ status: 'REGISTERED', resourcesVnd: '0' });
  return result.data!.registerModel.id;
}
