import { beforeAll, describe, expect, it } from 'vitest';
import { directory, post, REPLY, type Directory } from '../support/dialogue.js';
import { startTestServer, type GraphQLResponse, type TestServer } from '../support/server.js';

let server: TestServer;
let dir: Directory;
const tokens: Record<string, string | undefined> = { anonymous: undefined };
const statements: string[] = [];

beforeAll(async () => {
  // Timed work off (the live hub's safety-net read, the overdue scan): only the request's SQL is counted.
  server = await startTestServer({
    LIVE_POLL_SECONDS: '3600',
    OVERDUE_SCAN_SECONDS: '3600',
    // The notification worker's fan-out would add statements while they are counted.
    NOTIFICATION_CONCURRENCY: '0',
  });
  dir = await directory(server);
  // Every SQL statement the server sends goes through this knex instance (one per app).
  server.app.orm.em
    .getConnection()
    .getKnex()
    .on('query', (query: { sql: string }) => void statements.push(query.sql));
  for (const [viewer, email] of [
    ['citizen', 'dan@nghedan.demo'],
    ['otherCitizen', 'kbinh@nghedan.demo'],
    ['officer', 'lh.nb@nghedan.demo'],
    ['monitor', 'mttq@nghedan.demo'],
  ] as const) {
    tokens[viewer] = await server.login(email);
  }
  // A mix of fields, places (communes and villages), units, kinds, public and private, authors.
  const spread: Array<[string, string]> = [
    ['INFRASTRUCTURE', 'LH.NB'],
    ['INFRASTRUCTURE', 'LH.NB.T1'],
    ['LAND', 'LH.PT.T1'],
    ['SECURITY', 'LH.PT'],
    ['OTHER', 'LH.TH'],
    ['ENVIRONMENT', 'LH.DV.T2'],
    ['NEW_RURAL', 'LH.GL'],
  ];
  const kinds = ['REPORT', 'PETITION', 'QUESTION', 'INITIATIVE', 'COMMENT'];
  for (let index = 0; index < 28; index += 1) {
    const [category, place] = spread[index % spread.length]!;
    await post(server, dir, {
      token: index % 3 === 2 ? tokens.otherCitizen : tokens.citizen,
      anonymous: index % 7 === 6,
      category,
      place,
      kind: kinds[index % kinds.length],
      isPublic: index % 4 !== 3,
      title: `Kiến nghị số ${index + 1} của người dân`,
    });
  }
});

/** Runs one operation and returns its result with the SQL statements it caused. */
async function measure<T>(query: string, variables: Record<string, unknown>, token?: string) {
  statements.length = 0;
  const result: GraphQLResponse<T> = await server.gql<T>(query, { variables, token });
  expect(result.errors).toBeUndefined();
  return { result, sql: [...statements] };
}

const THREADS = `query ($first: Int!, $filter: ThreadFilter) {
  threads(first: $first, filter: $filter, orderBy: MOST_SUPPORTED) {
    totalCount hasNextPage endCursor
    nodes {
      id title status authorName viewerIsAuthor allowedMoves supportCount overdue
      category { name } place { name } unit { name } escalatedTo { name }
    }
  }
}`;

describe('threads(first) sends no more SQL statements for a bigger page', () => {
  it.each(['anonymous', 'citizen', 'officer', 'monitor'])('for a viewer who is %s', async (viewer) => {
    type Page = { threads: { nodes: unknown[] } };
    for (const filter of [null, { placeId: dir.unit('LH') }]) {
      const small = await measure<Page>(THREADS, { first: 5, filter }, tokens[viewer]);
      const large = await measure<Page>(THREADS, { first: 25, filter }, tokens[viewer]);
      expect(small.result.data!.threads.nodes).toHaveLength(5);
      expect(large.result.data!.threads.nodes.length).toBeGreaterThanOrEqual(20);
      expect(small.sql.some((sql) => sql.includes('from "threads"'))).toBe(true);
      // Staff reading private threads add one insert into the access log, whatever the page size.
      const logged = (sql: string[]) => sql.filter((statement) => statement.includes('thread_access_log'));
      const rest = (sql: string[]) => sql.filter((statement) => !statement.includes('thread_access_log'));
      expect(rest(large.sql), large.sql.join('\n')).toHaveLength(rest(small.sql).length);
      expect(logged(large.sql).length).toBeLessThanOrEqual(1);
      console.info(
        `threads as ${viewer}${filter ? ' by place' : ''}: ${small.sql.length} statements for 5, ${large.sql.length} for 25`,
      );
    }
  });
});

const THREAD = `query ($id: ID!) {
  thread(id: $id) {
    id title category { name } place { name } unit { name } escalatedTo { name }
    messages { body authorName internal unit { name } }
    events { cursor type actorName toUnit { code } fromUnit { code } message { body unit { name } } }
  }
}`;

describe('thread(id) sends a fixed number of SQL statements whatever the dialogue length', () => {
  it('reads a thread with 2 or 12 messages and their events in as many statements', async () => {
    const officer = tokens.officer!;
    const thread = await post(server, dir, { token: tokens.citizen, category: 'INFRASTRUCTURE', place: 'LH.NB' });
    const reply = (token: string, body: string, internal = false) =>
      server.gql(REPLY, { token, variables: { input: { threadId: thread.id, body, internal } } });
    await reply(officer, 'Đã tiếp nhận, sẽ cử cán bộ xuống kiểm tra.');
    await reply(tokens.citizen!, 'Cảm ơn cán bộ.');

    type Read = { thread: { messages: unknown[]; events: unknown[] } };
    const counts: Record<string, number[]> = {};
    for (const viewer of ['monitor', 'citizen', 'officer']) {
      counts[viewer] = [(await measure<Read>(THREAD, { id: thread.id }, tokens[viewer])).sql.length];
    }
    for (let index = 0; index < 10; index += 1) {
      const byOfficer = index % 2 === 0;
      const result = await reply(
        byOfficer ? officer : tokens.citizen!,
        `Tin nhắn thứ ${index + 3}`,
        index % 3 === 0 && byOfficer,
      );
      expect(result.errors).toBeUndefined();
    }
    for (const viewer of ['monitor', 'citizen', 'officer']) {
      const { result, sql } = await measure<Read>(THREAD, { id: thread.id }, tokens[viewer]);
      expect(result.data!.thread.messages.length).toBeGreaterThanOrEqual(8);
      expect(sql, sql.join('\n')).toHaveLength(counts[viewer]![0]!);
      counts[viewer]!.push(sql.length);
    }
    console.info(`thread(id) statements, 2 messages → 12 messages: ${JSON.stringify(counts)}`);
  });
});
