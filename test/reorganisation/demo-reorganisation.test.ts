import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_DECISION, DEMO_EFFECTIVE_ON, lamDong2025Mergers } from '../../server/src/db/seed/lam-dong-2025.js';
import { directory, type Directory } from '../support/dialogue.js';
import { startTestServer, type TestServer } from '../support/server.js';

const APPLY = `mutation ($input: ReorganisationInput!) {
  applyReorganisation(input: $input) { createdUnits { code } endedUnits { code } movedThreads { threadId } }
}`;
const UNITS = '{ units { id code name level kind isPlace isCurrent parentId } }';
interface UnitRow {
  id: string;
  code: string;
  name: string;
  level: string;
  kind: string;
  isPlace: boolean;
  isCurrent: boolean;
  parentId: string | null;
}

let server: TestServer;
let dir: Directory;
let admin: string;

beforeAll(async () => {
  server = await startTestServer({ SEED_DEMO_THREADS: 'true' });
  dir = await directory(server);
  admin = await server.login('admin@nghedan.demo');
});

describe('the illustrative 1 July 2025 reorganisation of the Lâm Hà demo', () => {
  let before2023: unknown;
  let campaignId: string;
  const review2023 = async () => {
    const result = await server.gql<{ campaignReview: unknown }>(
      `query ($id: ID!) { campaignReview(campaignId: $id, year: 2023) {
        totals { registered recognised notRecognised resourcesVnd }
        byUnit { unit { code } registered recognised resourcesVnd }
        commendations { issuer recipientKind count }
      } }`,
      { token: admin, variables: { id: campaignId } },
    );
    expect(result.errors).toBeUndefined();
    return result.data!.campaignReview;
  };

  beforeAll(async () => {
    const campaigns = await server.gql<{ campaigns: Array<{ id: string }> }>('{ campaigns { id } }', { token: admin });
    campaignId = campaigns.data!.campaigns[0]!.id;
    before2023 = await review2023();
    const result = await server.gql(APPLY, {
      token: admin,
      variables: {
        input: {
          decisionReference: DEMO_DECISION,
          effectiveOn: DEMO_EFFECTIVE_ON,
          merges: lamDong2025Mergers().map(({ unitCodes, newUnit }) => ({
            unitIds: unitCodes.map((code) => dir.unit(code)),
            newUnit,
          })),
        },
      },
    });
    expect(result.errors).toBeUndefined();
  }, 120_000);

  it('leaves one current tree under the province, with five communes and no district', async () => {
    const units = (await server.gql<{ units: UnitRow[] }>(UNITS)).data!.units;
    const current = units.filter((unit) => unit.isCurrent);
    expect(current.filter((unit) => unit.parentId === null).map((unit) => unit.name)).toEqual(['UBND tỉnh Lâm Đồng']);
    expect(current.some((unit) => unit.level === 'DISTRICT')).toBe(false);
    const communes = current.filter((unit) => unit.isPlace && unit.level === 'COMMUNE').map((unit) => unit.name);
    expect(communes.sort()).toEqual([
      'UBND xã Nam Ban (mới)',
      'UBND xã Phú Sơn (mới)',
      'UBND xã Phúc Thọ (mới)',
      'UBND xã Tân Hà (mới)',
      'UBND xã Đinh Văn (mới)',
    ]);
    const byId = new Map(units.map((unit) => [unit.id, unit]));
    // Villages went on under their new commune.
    const konPang = units.find((unit) => unit.code === 'LH.PT.T1')!;
    expect(konPang.isCurrent).toBe(true);
    expect(byId.get(konPang.parentId!)?.code).toBe('LD.PHUSON');
    // Every current unit hangs from a current parent.
    expect(current.every((unit) => unit.parentId === null || byId.get(unit.parentId)?.isCurrent)).toBe(true);
    // The 2024 tree is kept as history.
    expect(units.filter((unit) => !unit.isCurrent).length).toBe(21 + 16 * 4);
  });

  it('leaves no unfinished thread with a unit that is history', async () => {
    const result = await server.gql<{ threads: { nodes: Array<{ status: string; unit: { code: string } }> } }>(
      '{ threads(first: 100) { nodes { status unit { code } } } }',
      { token: admin },
    );
    const unfinished = result.data!.threads.nodes.filter((thread) => !['CLOSED', 'REJECTED'].includes(thread.status));
    expect(unfinished.length).toBeGreaterThan(0);
    expect(
      unfinished.filter((thread) => thread.unit.code.startsWith('LH.') && !/^LH\.[A-Z]+\.T\d$/.test(thread.unit.code)),
    ).toEqual([]);
  });

  it('keeps the 2023 review of the seed exactly', async () => {
    const after = await review2023();
    expect(after).toEqual(before2023);
    expect(after).toMatchObject({ totals: { registered: 44, recognised: 42, resourcesVnd: '4377500000' } });
  });

  it('routes a new post about an old commune to the new commune', async () => {
    const token = await server.login('dan@nghedan.demo');
    const result = await server.gql<{ postFeedback: { thread: { unit: { code: string }; place: { code: string } } } }>(
      `mutation ($input: PostFeedbackInput!) { postFeedback(input: $input) { thread { unit { code } place { code } } } }`,
      {
        token,
        variables: {
          input: {
            kind: 'REPORT',
            title: 'Đường thôn hư hỏng',
            body: 'Đường bê tông thôn bị nứt vỡ nhiều đoạn sau mùa mưa.',
            categoryId: dir.category('INFRASTRUCTURE'),
            placeId: dir.unit('LH.ML'),
            isPublic: true,
            anonymous: false,
            idempotencyKey: randomUUID(),
          },
        },
      },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!.postFeedback.thread).toEqual({ unit: { code: 'LD.NAMBAN' }, place: { code: 'LD.NAMBAN' } });
  });
});
