import { randomBytes } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { directory, move, post, type Directory } from '../support/dialogue.js';
import { startTestServer, type TestServer } from '../support/server.js';

let server: TestServer;
let dir: Directory;
let dan: string;
let kbinh: string;
let monitor: string;
let namBan: string;
beforeAll(async () => {
  server = await startTestServer();
  dir = await directory(server);
  dan = await server.login('dan@nghedan.demo');
  kbinh = await server.login('kbinh@nghedan.demo');
  monitor = await server.login('mttq@nghedan.demo');
  namBan = await server.login('lh.nb@nghedan.demo');
});

/** A word no other test writes: searching for it scopes a list to one test's threads. */
const marker = () => `moc${randomBytes(4).toString('hex')}`;

interface Node {
  id: string;
  title: string;
  supportCount: number;
}
interface Page {
  nodes: Node[];
  endCursor: string | null;
  hasNextPage: boolean;
  totalCount: number;
}

const THREADS = `query ($filter: ThreadFilter, $orderBy: ThreadOrder, $first: Int, $after: String) {
  threads(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
    nodes { id title supportCount } endCursor hasNextPage totalCount
  }
}`;

async function list(
  variables: { filter?: Record<string, unknown>; orderBy?: string; first?: number; after?: string | null },
  token?: string,
): Promise<Page> {
  const result = await server.gql<{ threads: Page }>(THREADS, { token, variables });
  if (!result.data?.threads) throw new Error(`threads failed: ${JSON.stringify(result.errors)}`);
  return result.data.threads;
}

const titles = (page: Page) => page.nodes.map((node) => node.title);

describe('text search', () => {
  it('ignores Vietnamese diacritics, case, spacing and Unicode normalisation', async () => {
    const tag = marker();
    const wanted = await post(server, dir, {
      token: dan,
      category: 'LAND',
      place: 'LH.PT.T1',
      title: 'Đền bù giải phóng mặt bằng chậm',
      body: `Gia đình tôi chưa nhận được tiền cho phần đất làm đường, ${tag}.`,
    });
    const lamp = await post(server, dir, {
      token: kbinh,
      category: 'INFRASTRUCTURE',
      place: 'LH.NB',
      title: 'Đèn đường khu phố bị hỏng',
      body: `Cả dãy đèn tắt từ tháng trước, ${tag}.`,
    });
    for (const search of [
      'den bu',
      'ĐỀN BÙ',
      'giai phong',
      '  Đền   bù  ',
      'GIẢI PHÓNG'.normalize('NFD'),
      'mat bang cham',
    ]) {
      const found = await list({ filter: { search } });
      expect(
        found.nodes.map((node) => node.id),
        search,
      ).toContain(wanted.id);
      expect(
        found.nodes.map((node) => node.id),
        search,
      ).not.toContain(lamp.id);
    }
    // Every word must match, in the title or the body.
    expect(titles(await list({ filter: { search: `den ${tag}` } })).sort()).toEqual([
      'Đèn đường khu phố bị hỏng',
      'Đền bù giải phóng mặt bằng chậm',
    ]);
    expect((await list({ filter: { search: `đền bù khu ${tag}` } })).totalCount).toBe(0);
  });

  it('treats % and _ as plain characters, not wildcards', async () => {
    expect((await list({ filter: { search: '%' } }, monitor)).totalCount).toBe(0);
    expect((await list({ filter: { search: '_' } }, monitor)).totalCount).toBe(0);
  });
});

describe('filters', () => {
  const tag = marker();
  let ids: Record<'a' | 'b' | 'c' | 'd' | 'e', string>;
  beforeAll(async () => {
    const at = async (token: string, label: string, category: string, place: string, kind: string, isPublic = true) =>
      (await post(server, dir, { token, category, place, kind, isPublic, title: `${label} ${tag}` })).id;
    ids = {
      a: await at(dan, 'A', 'INFRASTRUCTURE', 'LH.NB.T2', 'REPORT'), // → LH.NB (commune rule)
      b: await at(kbinh, 'B', 'INFRASTRUCTURE', 'LH.NB.T1', 'QUESTION'), // → LH.NB.T1 (village rule)
      c: await at(dan, 'C', 'LAND', 'LH.NB', 'PETITION'), // → LH.TNMT
      d: await at(kbinh, 'D', 'LAND', 'LH.PT.T1', 'REPORT'), // → LH.TNMT
      e: await at(dan, 'E', 'SECURITY', 'LH.PT', 'INITIATIVE', false), // → LH.PT.CA, private
    };
    expect((await move(server, namBan, ids.a, 'ACKNOWLEDGED')).errors).toBeUndefined();
  });

  const labels = async (filter: Record<string, unknown>, token: string | undefined = monitor) =>
    titles(await list({ filter: { search: tag, ...filter } }, token))
      .map((title) => title.split(' ')[0])
      .sort();

  it.each([
    ['statuses [ACKNOWLEDGED]', () => ({ statuses: ['ACKNOWLEDGED'] }), ['A']],
    ['statuses [ROUTED, ACKNOWLEDGED]', () => ({ statuses: ['ROUTED', 'ACKNOWLEDGED'] }), ['A', 'B', 'C', 'D', 'E']],
    ['statuses [ROUTED]', () => ({ statuses: ['ROUTED'] }), ['B', 'C', 'D', 'E']],
    ['categoryId LAND', () => ({ categoryId: dir.category('LAND') }), ['C', 'D']],
    ['placeId of a commune: its villages too', () => ({ placeId: dir.unit('LH.NB') }), ['A', 'B', 'C']],
    ['placeId of a village', () => ({ placeId: dir.unit('LH.NB.T1') }), ['B']],
    ['placeId of another commune', () => ({ placeId: dir.unit('LH.PT') }), ['D', 'E']],
    ['placeId of the district', () => ({ placeId: dir.unit('LH') }), ['A', 'B', 'C', 'D', 'E']],
    ['unitId of a commune: not its villages', () => ({ unitId: dir.unit('LH.NB') }), ['A']],
    ['unitId of a department', () => ({ unitId: dir.unit('LH.TNMT') }), ['C', 'D']],
    ['kind REPORT', () => ({ kind: 'REPORT' }), ['A', 'D']],
    ['kind INITIATIVE', () => ({ kind: 'INITIATIVE' }), ['E']],
    [
      'categoryId and placeId together',
      () => ({ categoryId: dir.category('LAND'), placeId: dir.unit('LH.PT') }),
      ['D'],
    ],
    ['a unit with nothing', () => ({ unitId: dir.unit('LH.GL') }), []],
  ])('%s', async (_label, filter, expected) => {
    expect(await labels(filter())).toEqual(expected);
  });

  it('mine: only your own posts, and nothing for an anonymous viewer', async () => {
    expect(await labels({ mine: true }, dan)).toEqual(['A', 'C', 'E']);
    expect(await labels({ mine: true }, kbinh)).toEqual(['B', 'D']);
    expect(await labels({ mine: true }, undefined)).toEqual([]);
    expect(await labels({ mine: false }, kbinh)).toEqual(['A', 'B', 'C', 'D']);
  });

  it('refuses an id that is not an id with BAD_USER_INPUT', async () => {
    const result = await server.gql(THREADS, { variables: { filter: { placeId: 'LH.NB' } } });
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('ordering and support', () => {
  const tag = marker();
  let ids: Record<'initiative' | 'popular' | 'petition' | 'report' | 'hidden', string>;
  beforeAll(async () => {
    const at = async (kind: string, label: string, isPublic = true) =>
      (
        await post(server, dir, {
          token: dan,
          kind,
          isPublic,
          category: 'NEW_RURAL',
          place: 'LH.GL',
          title: `${label} ${tag}`,
        })
      ).id;
    ids = {
      initiative: await at('INITIATIVE', 'initiative'),
      popular: await at('INITIATIVE', 'popular'),
      petition: await at('PETITION', 'petition'),
      report: await at('REPORT', 'report'),
      hidden: await at('INITIATIVE', 'hidden', false),
    };
  });

  const SUPPORT = 'mutation ($id: ID!) { supportThread(threadId: $id) { id supportCount } }';
  const support = (id: string, token?: string) =>
    server.gql<{ supportThread: { supportCount: number } }>(SUPPORT, { token, variables: { id } });
  const codeOf = (result: { errors?: Array<{ extensions?: Record<string, unknown> }> }) =>
    result.errors?.[0]?.extensions?.code;

  it('NEWEST puts the latest post first', async () => {
    expect(titles(await list({ filter: { search: tag } }))).toEqual([
      `report ${tag}`,
      `petition ${tag}`,
      `popular ${tag}`,
      `initiative ${tag}`,
    ]);
  });

  it('counts one support per citizen on a public initiative or petition', async () => {
    expect((await support(ids.popular, dan)).data?.supportThread.supportCount).toBe(1);
    expect((await support(ids.popular, kbinh)).data?.supportThread.supportCount).toBe(2);
    expect((await support(ids.petition, kbinh)).data?.supportThread.supportCount).toBe(1);
    const again = await support(ids.popular, kbinh);
    expect(codeOf(again)).toBe('CONFLICT');
    const read = await server.gql<{ thread: { supportCount: number } }>(
      'query ($id: ID!) { thread(id: $id) { supportCount } }',
      { variables: { id: ids.popular } },
    );
    expect(read.data?.thread.supportCount).toBe(2);
  });

  it('refuses support for a report or a private thread, and from anyone but a citizen', async () => {
    expect(codeOf(await support(ids.report, kbinh))).toBe('BAD_USER_INPUT');
    expect(codeOf(await support(ids.hidden, dan))).toBe('BAD_USER_INPUT');
    // Another citizen cannot even tell the private thread exists.
    expect(codeOf(await support(ids.hidden, kbinh))).toBe('NOT_FOUND');
    expect(codeOf(await support(ids.initiative, namBan))).toBe('FORBIDDEN');
    expect(codeOf(await support(ids.initiative, monitor))).toBe('FORBIDDEN');
    expect(codeOf(await support(ids.initiative))).toBe('UNAUTHENTICATED');
    expect(codeOf(await support('not-a-thread', kbinh))).toBe('BAD_USER_INPUT');
    const counts = await list({ filter: { search: tag } }, monitor);
    expect(Object.fromEntries(counts.nodes.map((node) => [node.title.split(' ')[0], node.supportCount]))).toEqual({
      initiative: 0,
      popular: 2,
      petition: 1,
      report: 0,
      hidden: 0,
    });
  });

  it('MOST_SUPPORTED puts the most supported first, then the newest', async () => {
    expect(titles(await list({ filter: { search: tag }, orderBy: 'MOST_SUPPORTED' }))).toEqual([
      `popular ${tag}`,
      `petition ${tag}`,
      `report ${tag}`,
      `initiative ${tag}`,
    ]);
    expect(titles(await list({ filter: { search: tag }, orderBy: 'MOST_SUPPORTED' }, dan))).toEqual([
      `popular ${tag}`,
      `petition ${tag}`,
      `hidden ${tag}`,
      `report ${tag}`,
      `initiative ${tag}`,
    ]);
  });
});

describe('cursor pagination', () => {
  async function walk(orderBy: string, first: number, token?: string, filter?: Record<string, unknown>) {
    const pages: Page[] = [];
    let after: string | null = null;
    do {
      const page = await list({ orderBy, first, after, filter }, token);
      pages.push(page);
      after = page.hasNextPage ? page.endCursor : null;
      expect(pages.length).toBeLessThan(50);
    } while (after);
    return pages;
  }

  it.each([
    ['NEWEST', undefined],
    ['MOST_SUPPORTED', undefined],
    ['NEWEST', 'monitor'],
    ['MOST_SUPPORTED', 'dan'],
    ['DEADLINE', 'monitor'],
  ])('walks %s pages as %s without overlap or gap', async (orderBy, viewer) => {
    const token = viewer === 'monitor' ? monitor : viewer === 'dan' ? dan : undefined;
    const everything = await list({ orderBy, first: 100 }, token);
    expect(everything.hasNextPage).toBe(false);
    expect(everything.totalCount).toBe(everything.nodes.length);
    expect(everything.totalCount).toBeGreaterThanOrEqual(8);
    const pages = await walk(orderBy, 4, token);
    expect(pages).toHaveLength(Math.ceil(everything.totalCount / 4));
    for (const page of pages) expect(page.totalCount).toBe(everything.totalCount);
    for (const page of pages.slice(0, -1)) expect(page.nodes).toHaveLength(4);
    const walked = pages.flatMap((page) => page.nodes.map((node) => node.id));
    expect(new Set(walked).size).toBe(walked.length);
    expect(walked).toEqual(everything.nodes.map((node) => node.id));
  });

  it('ends with hasNextPage false on an exact last page, and an empty list has no cursor', async () => {
    const tag = marker();
    for (const label of ['one', 'two', 'three', 'four']) {
      await post(server, dir, { token: kbinh, title: `${label} ${tag}` });
    }
    const [first, second] = await walk('NEWEST', 2, undefined, { search: tag });
    expect(titles(first!)).toEqual([`four ${tag}`, `three ${tag}`]);
    expect(first).toMatchObject({ hasNextPage: true, totalCount: 4 });
    expect(titles(second!)).toEqual([`two ${tag}`, `one ${tag}`]);
    expect(second).toMatchObject({ hasNextPage: false, totalCount: 4 });
    expect(await list({ filter: { search: marker() } })).toEqual({
      nodes: [],
      endCursor: null,
      hasNextPage: false,
      totalCount: 0,
    });
  });

  const base64 = (json: string) => Buffer.from(json).toString('base64url');
  const refusal = async (variables: Record<string, unknown>) =>
    (await server.gql(THREADS, { variables })).errors?.[0]?.extensions;

  it.each([
    ['a cursor with empty values', { after: base64('[null,null]') }, 'after'],
    ['first = 0', { first: 0 }, 'first'],
    ['first = 101', { first: 101 }, 'first'],
  ])('refuses %s with BAD_USER_INPUT', async (_label, variables, field) => {
    expect(await refusal(variables)).toMatchObject({ code: 'BAD_USER_INPUT', field });
  });

  it.each([
    ['garbage', 'garbage'],
    ['base64 of text that is not JSON', base64('not json')],
    ['base64 of a JSON object', base64('{}')],
    ['a cursor whose values have the wrong type', base64('["yesterday","nobody"]')],
  ])('refuses %s with BAD_USER_INPUT', async (_label, after) => {
    expect(await refusal({ after })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });

  it('refuses a cursor of another length, such as one from another order, with BAD_USER_INPUT', async () => {
    const newest = await list({ first: 1 });
    expect(await refusal({ after: base64('[1]') })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
    expect(await refusal({ after: newest.endCursor, orderBy: 'MOST_SUPPORTED' })).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'after',
    });
  });
});

describe('private threads', () => {
  const tag = marker();
  let hidden: string;
  let anonymousHidden: string;
  beforeAll(async () => {
    hidden = (await post(server, dir, { token: dan, isPublic: false, title: `private ${tag}` })).id;
    anonymousHidden = (await post(server, dir, { anonymous: true, isPublic: false, title: `anonymous ${tag}` })).id;
    await post(server, dir, { token: dan, title: `public ${tag}` });
  });

  it('are never listed for anonymous viewers or other citizens', async () => {
    expect(titles(await list({ filter: { search: tag } }))).toEqual([`public ${tag}`]);
    expect(titles(await list({ filter: { search: tag } }, kbinh))).toEqual([`public ${tag}`]);
    const all = [...(await walkIds()), ...(await walkIds(kbinh))];
    expect(all).not.toContain(hidden);
    expect(all).not.toContain(anonymousHidden);
  });

  it('are listed for their author, the responsible unit and monitors', async () => {
    expect(titles(await list({ filter: { search: tag } }, dan))).toEqual([`public ${tag}`, `private ${tag}`]);
    for (const token of [namBan, monitor]) {
      expect(titles(await list({ filter: { search: tag } }, token))).toEqual([
        `public ${tag}`,
        `anonymous ${tag}`,
        `private ${tag}`,
      ]);
    }
    const otherUnit = await server.login('lh.tnmt@nghedan.demo');
    expect(titles(await list({ filter: { search: tag } }, otherUnit))).toEqual([`public ${tag}`]);
  });

  it('are NOT_FOUND by id for those who may not read them', async () => {
    for (const token of [undefined, kbinh]) {
      const result = await server.gql('query ($id: ID!) { thread(id: $id) { id } }', {
        token,
        variables: { id: hidden },
      });
      expect(result.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    }
  });

  async function walkIds(token?: string) {
    const ids: string[] = [];
    let after: string | null = null;
    do {
      const page = await list({ first: 100, after }, token);
      ids.push(...page.nodes.map((node) => node.id));
      after = page.hasNextPage ? page.endCursor : null;
    } while (after);
    return ids;
  }
});
