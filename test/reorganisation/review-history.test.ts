import { beforeAll, describe, expect, it } from 'vitest';
import { createCampaign, REGISTER_MODEL, signIn } from '../campaign/helpers.js';
import { directory, type Directory } from '../support/dialogue.js';
import { startTestServer, type TestServer } from '../support/server.js';

const REVIEW = `query ($campaignId: ID!, $year: Int) {
  campaignReview(campaignId: $campaignId, year: $year) {
    totals { registered recognised notRecognised pending withdrawn resourcesVnd }
    byUnit { unit { code } registered recognised resourcesVnd }
    byField { field registered recognised resourcesVnd }
    commendations { issuer recipientKind count forModels }
    works { kind measure quantity }
    replications
    csv
  }
}`;
const APPLY = `mutation ($input: ReorganisationInput!) { applyReorganisation(input: $input) { endedUnits { code } } }`;

interface Review {
  totals: { registered: number; recognised: number; resourcesVnd: string };
  byUnit: Array<{ unit: { code: string }; registered: number; recognised: number; resourcesVnd: string }>;
}

let server: TestServer;
let dir: Directory;
let token: (who: string) => Promise<string>;
let demoCampaign: string;

const review = async (campaignId: string, year: number | null) => {
  const result = await server.gql<{ campaignReview: Review }>(REVIEW, {
    token: await token('bdv'),
    variables: { campaignId, year },
  });
  expect(result.errors).toBeUndefined();
  return result.data!.campaignReview;
};
const unitRow = (review: Review, code: string) => review.byUnit.find((row) => row.unit.code === code);

beforeAll(async () => {
  server = await startTestServer();
  dir = await directory(server);
  token = signIn(server);
  const campaigns = await server.gql<{ campaigns: Array<{ id: string }> }>('{ campaigns { id } }', {
    token: await token('bdv'),
  });
  demoCampaign = campaigns.data!.campaigns[0]!.id;
});

describe('campaign reviews across a merger', () => {
  let before2023: Review;
  let beforePeriod: Review;
  let campaign2026: string;

  beforeAll(async () => {
    before2023 = await review(demoCampaign, 2023);
    beforePeriod = await review(demoCampaign, null);
    // A 2026 model registered by Đạ Đờn before the (back-dated) merger is recorded.
    campaign2026 = await createCampaign(server, await token('admin'), 'Dân vận khéo 2025 - 2026');
    const registered = await server.gql(REGISTER_MODEL, {
      token: await token('lh.dd'),
      variables: {
        input: {
          campaignId: campaign2026,
          year: 2026,
          title: 'Đường hoa nông thôn mới',
          field: 'ECONOMY',
          goals: 'Vận động nhân dân hiến đất mở đường',
          programmes: ['NEW_RURAL'],
          beneficiaries: ['POOR_HOUSEHOLDS'],
        },
      },
    });
    expect(registered.errors).toBeUndefined();
    const applied = await server.gql(APPLY, {
      token: await token('admin'),
      variables: {
        input: {
          decisionReference: 'Nghị quyết thử',
          effectiveOn: '2025-07-01',
          merges: [
            {
              unitIds: [dir.unit('LH.DD'), dir.unit('LH.PT')],
              newUnit: {
                code: 'LH.DDPT',
                name: 'UBND xã Đạ Đờn Phi Tô',
                level: 'COMMUNE',
                kind: 'GOVERNMENT',
                parentCode: 'LH',
              },
            },
          ],
        },
      },
    });
    expect(applied.errors).toBeUndefined();
  });

  it('gives the seed figures for 2023 exactly as before, by the units of 2023', async () => {
    const after = await review(demoCampaign, 2023);
    expect(after).toEqual(before2023);
    expect(after.totals).toMatchObject({ registered: 44, recognised: 42, resourcesVnd: '4377500000' });
    expect(unitRow(after, 'LH.DD')).toBeDefined();
    expect(unitRow(after, 'LH.PT')).toBeDefined();
    expect(unitRow(after, 'LH.DDPT')).toBeUndefined();
  });

  it('counts a period that ends after the merger by the successors, totals unchanged', async () => {
    const after = await review(demoCampaign, null);
    expect(after.totals).toEqual(beforePeriod.totals);
    expect(unitRow(after, 'LH.DD')).toBeUndefined();
    expect(unitRow(after, 'LH.PT')).toBeUndefined();
    const dd = unitRow(beforePeriod, 'LH.DD')!;
    const pt = unitRow(beforePeriod, 'LH.PT')!;
    expect(unitRow(after, 'LH.DDPT')).toEqual({
      unit: { code: 'LH.DDPT' },
      registered: dd.registered + pt.registered,
      recognised: dd.recognised + pt.recognised,
      resourcesVnd: String(BigInt(dd.resourcesVnd) + BigInt(pt.resourcesVnd)),
    });
  });

  it("attributes a merged unit's 2026 model to its successor in the 2026 review", async () => {
    const after = await review(campaign2026, 2026);
    expect(after.byUnit.map((row) => [row.unit.code, row.registered])).toEqual([['LH.DDPT', 1]]);
  });
});
