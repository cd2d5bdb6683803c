import { randomUUID } from 'node:crypto';
import { XMLParser } from 'fast-xml-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { collect, directory, move, post, settleSubscription, type Directory } from '../support/dialogue.js';
import { startTestServer, type TestServer } from '../support/server.js';

/** A client of the Open311 GeoReport v2 door, over real HTTP. */
const API_KEY = 'app-key-0123456789abcdefghij';
let server: TestServer;
let dir: Directory;
let officerOf: (unitCode: string) => Promise<string>;
let nambanPoint: { latitude: number; longitude: number };

interface Open311Error {
  code: number;
  description: string;
}

async function get(path: string) {
  const response = await fetch(`${server.url}/open311/v2/${path}`);
  const text = await response.text();
  return {
    status: response.status,
    type: response.headers.get('content-type') ?? '',
    text,
    json: () => JSON.parse(text) as never,
  };
}

async function postForm(fields: Record<string, string>, format = 'json') {
  const response = await fetch(`${server.url}/open311/v2/requests.${format}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields).toString(),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, text, json: () => JSON.parse(text) as never };
}

const report = (extra: Record<string, string> = {}) => ({
  api_key: API_KEY,
  service_code: 'INFRASTRUCTURE',
  description: `Ổ gà lớn gần chợ Nam Ban ${randomUUID().slice(0, 8)}\nXe máy ngã hai lần trong tuần, gọi 0912 345 678 để biết thêm.`,
  ...extra,
});

beforeAll(async () => {
  server = await startTestServer({ OPEN311_API_KEYS: `fixapp:${API_KEY}`, OPEN311_JURISDICTION: 'lamha.vn' });
  dir = await directory(server);
  const units = await server.gql<{ units: Array<{ code: string; latitude: number | null; longitude: number | null }> }>(
    '{ units { code latitude longitude } }',
  );
  const namban = units.data!.units.find((unit) => unit.code === 'LH.NB')!;
  nambanPoint = { latitude: namban.latitude!, longitude: namban.longitude! };
  officerOf = (unitCode) => server.login(`${unitCode.toLowerCase()}@nghedan.demo`);
});

describe('Open311 services', () => {
  it('lists the fields as services, in JSON and XML', async () => {
    const answer = await get('services.json');
    expect(answer.status).toBe(200);
    const services = answer.json() as Array<{ service_code: string; service_name: string; metadata: boolean }>;
    expect(services.map((service) => service.service_code)).toContain('INFRASTRUCTURE');
    expect(services.every((service) => service.metadata === true && service.service_name.length > 0)).toBe(true);

    const asXml = await get('services.xml');
    expect(asXml.type).toContain('application/xml');
    const parsed = new XMLParser().parse(asXml.text) as { services: { service: Array<{ service_code: string }> } };
    expect(parsed.services.service.map((service) => service.service_code)).toEqual(
      services.map((service) => service.service_code),
    );
  });

  it('defines a service with its places, kinds and privacy as attributes', async () => {
    const answer = await get('services/INFRASTRUCTURE.json');
    expect(answer.status).toBe(200);
    const definition = answer.json() as {
      service_code: string;
      attributes: Array<{ code: string; values: Array<{ key: string; name: string }> }>;
    };
    expect(definition.service_code).toBe('INFRASTRUCTURE');
    const places = definition.attributes.find((attribute) => attribute.code === 'place_id')!;
    expect(places.values.map((value) => value.key)).toContain(dir.unit('LH.NB'));
    expect(definition.attributes.map((attribute) => attribute.code)).toEqual(['place_id', 'kind', 'private']);

    const asXml = new XMLParser().parse((await get('services/INFRASTRUCTURE.xml')).text) as {
      service_definition: {
        service_code: string;
        attributes: { attribute: Array<{ code: string; values: { value: unknown[] } }> };
      };
    };
    expect(asXml.service_definition.service_code).toBe('INFRASTRUCTURE');
    expect(asXml.service_definition.attributes.attribute.map((attribute) => attribute.code)).toEqual([
      'place_id',
      'kind',
      'private',
    ]);
    expect(asXml.service_definition.attributes.attribute[1]!.values.value).toHaveLength(5);

    const missing = await get('services/NO_SUCH.json');
    expect(missing.status).toBe(404);
    expect((missing.json() as Open311Error[])[0]).toMatchObject({ code: 404 });
  });
});

describe('Open311 requests', () => {
  it('files a request that is routed, appears live on the board and in the unit inbox, and is read back masked', async () => {
    const monitor = await server.login('mttq@nghedan.demo');
    const board = collect(server.socket(), 'subscription { boardEvents { cursor type threadId } }', {});
    const inbox = collect(
      server.socket({ authToken: monitor }),
      'subscription { inboxEvents { cursor type threadId } }',
      {},
    );
    await settleSubscription();

    const fields = report({
      lat: String(nambanPoint.latitude + 0.001),
      long: String(nambanPoint.longitude),
      address_string: 'Gần chợ Nam Ban',
    });
    const created = await postForm(fields);
    expect(created.status).toBe(201);
    const [answer] = created.json() as Array<{ service_request_id: string; token: string; service_notice: string }>;
    expect(answer!.service_request_id).toMatch(/^[0-9a-f-]{36}$/);
    expect(answer!.token.length).toBeGreaterThan(5);

    await board.until(2);
    await inbox.until(2);
    expect(board.events.map((event) => [event.type, event.threadId])).toEqual([
      ['POSTED', answer!.service_request_id],
      ['ROUTED', answer!.service_request_id],
    ]);
    expect(inbox.events.map((event) => event.threadId)).toContain(answer!.service_request_id);

    // The place came from the pin; the unit reads the text as written, as posted.
    const thread = await server.gql<{
      thread: { place: { code: string }; unit: { code: string }; body: string; authorName: string; address: string };
    }>('query ($id: ID!) { thread(id: $id) { place { code } unit { code } body authorName address } }', {
      token: monitor,
      variables: { id: answer!.service_request_id },
    });
    expect(thread.data!.thread.place.code).toBe('LH.NB');
    expect(thread.data!.thread.body).toContain('0912 345 678');
    expect(thread.data!.thread.address).toBe('Gần chợ Nam Ban');
    const officer = await officerOf(thread.data!.thread.unit.code);
    const officersInbox = await server.gql<{ threads: { nodes: Array<{ id: string }> } }>(
      'query ($unitId: ID) { threads(filter: { unitId: $unitId }) { nodes { id } } }',
      { token: officer, variables: { unitId: dir.unit(thread.data!.thread.unit.code) } },
    );
    expect(officersInbox.data!.threads.nodes.map((node) => node.id)).toContain(answer!.service_request_id);

    // Read back over Open311: open, with the unit, the pin and the phone number masked.
    const single = await get(`requests/${answer!.service_request_id}.json`);
    expect(single.status).toBe(200);
    const [request] = single.json() as Array<Record<string, unknown>>;
    expect(request).toMatchObject({
      service_request_id: answer!.service_request_id,
      status: 'open',
      service_code: 'INFRASTRUCTURE',
      lat: nambanPoint.latitude + 0.001,
      long: nambanPoint.longitude,
    });
    expect(request!.agency_responsible).toEqual(expect.any(String));
    expect(request!.description).toContain('09xx xxx 678');
    expect(request!.description).not.toContain('0912 345 678');
    expect(request!.address).toContain('Gần chợ Nam Ban');
    expect(Date.parse(request!.requested_datetime as string)).not.toBeNaN();
    expect(request!.service_notice).toContain('answer due');

    // The token names the request.
    const byToken = await get(`tokens/${answer!.token}.json`);
    expect(byToken.json()).toEqual([{ service_request_id: answer!.service_request_id, token: answer!.token }]);

    // The same request sent again (a retry after a lost answer) is the same thread.
    const again = await postForm(fields);
    expect(again.status).toBe(201);
    expect((again.json() as Array<{ service_request_id: string }>)[0]!.service_request_id).toBe(
      answer!.service_request_id,
    );
    board.dispose();
    inbox.dispose();
  });

  it('lists public threads only, filtered by status, service and date, in JSON and XML', async () => {
    const citizen = await server.login('dan@nghedan.demo');
    const open = await post(server, dir, {
      token: citizen,
      title: 'Đèn đường thôn 3 hỏng',
      body: 'Ba bóng đèn không sáng từ tuần trước.',
    });
    const hidden = await post(server, dir, {
      token: citizen,
      isPublic: false,
      title: 'Chuyện riêng nhà tôi',
      body: 'Tranh chấp đất với hàng xóm, xin giải quyết.',
    });
    const answered = await post(server, dir, {
      token: citizen,
      title: 'Cống tắc ở chợ',
      body: 'Cống thoát nước ở chợ bị tắc.',
    });
    const officer = await officerOf(answered.unit.code);
    expect((await move(server, officer, answered.id, 'ACKNOWLEDGED')).errors).toBeUndefined();
    expect((await move(server, officer, answered.id, 'ANSWERED')).errors).toBeUndefined();

    const all = (await get('requests.json')).json() as Array<{ service_request_id: string; status: string }>;
    const ids = all.map((request) => request.service_request_id);
    expect(ids).toContain(open.id);
    expect(ids).toContain(answered.id);
    expect(ids).not.toContain(hidden.id);
    expect(all.find((request) => request.service_request_id === answered.id)!.status).toBe('closed');

    const openOnly = (await get('requests.json?status=open')).json() as Array<{ service_request_id: string }>;
    expect(openOnly.map((request) => request.service_request_id)).toContain(open.id);
    expect(openOnly.map((request) => request.service_request_id)).not.toContain(answered.id);
    const closedOnly = (await get('requests.json?status=closed')).json() as Array<{ service_request_id: string }>;
    expect(closedOnly.map((request) => request.service_request_id)).toEqual([answered.id]);

    const sameService = (await get('requests.json?service_code=INFRASTRUCTURE,LAND')).json() as Array<{
      service_request_id: string;
    }>;
    expect(sameService.map((request) => request.service_request_id)).toContain(open.id);
    const otherService = (await get('requests.json?service_code=LAND')).json() as Array<{
      service_request_id: string;
    }>;
    expect(otherService.map((request) => request.service_request_id)).not.toContain(open.id);
    const future = (
      await get(`requests.json?start_date=${new Date(Date.now() + 3600_000).toISOString()}`)
    ).json() as [];
    expect(future).toEqual([]);
    const byIds = (await get(`requests.json?service_request_id=${open.id},${hidden.id}`)).json() as Array<{
      service_request_id: string;
    }>;
    expect(byIds.map((request) => request.service_request_id)).toEqual([open.id]);

    expect((await get(`requests/${hidden.id}.json`)).status).toBe(404);

    const asXml = new XMLParser().parse((await get(`requests.xml?service_request_id=${open.id}`)).text) as {
      service_requests: { request: { service_request_id: string; status: string } };
    };
    expect(asXml.service_requests.request).toMatchObject({ service_request_id: open.id, status: 'open' });
  });

  it('files a private request that is never listed, naming the place by attribute', async () => {
    const created = await postForm({
      ...report(),
      'attribute[place_id]': dir.unit('LH.PT'),
      'attribute[private]': 'true',
      'attribute[kind]': 'QUESTION',
    });
    expect(created.status).toBe(201);
    const id = (created.json() as Array<{ service_request_id: string }>)[0]!.service_request_id;
    expect((await get(`requests/${id}.json`)).status).toBe(404);
    const listed = (await get('requests.json')).json() as Array<{ service_request_id: string }>;
    expect(listed.map((request) => request.service_request_id)).not.toContain(id);
  });

  it('refuses bad requests in the spec error format with HTTP codes', async () => {
    const cases: Array<[Record<string, string>, number, RegExp]> = [
      [{ ...report(), api_key: '' }, 403, /api_key/],
      [{ ...report(), api_key: 'wrong-key-0123456789abcdefgh' }, 403, /api_key/],
      [{ ...report(), service_code: 'NO_SUCH' }, 404, /Service NO_SUCH/],
      [{ ...report(), description: '' }, 400, /description is required/],
      [
        { ...report(), description: 'Ổ gà', 'attribute[place_id]': dir.unit('LH.NB') },
        400,
        /^description must be 10 to 5000/,
      ],
      [{ ...report(), 'attribute[place_id]': dir.unit('LH.NB'), 'attribute[kind]': 'RANT' }, 400, /attribute\[kind\]/],
      [report(), 400, /lat and long, or attribute\[place_id\]/],
      [{ ...report(), lat: '11.8' }, 400, /both lat and long/],
      [{ ...report(), lat: 'north', long: '108' }, 400, /lat must be a number/],
      [{ ...report(), 'attribute[place_id]': dir.unit('LH') }, 400, /commune or village/],
      [{ ...report(), lat: '21.0', long: '105.8' }, 400, /within 25 km/],
      [{ ...report(), 'attribute[place_id]': dir.unit('LH.NB'), jurisdiction_id: 'hanoi' }, 404, /jurisdiction_id/],
    ];
    for (const [fields, status, description] of cases) {
      const answer = await postForm(fields);
      expect(answer.status, JSON.stringify(fields)).toBe(status);
      const [error] = answer.json() as Open311Error[];
      expect(error!.code).toBe(status);
      expect(error!.description).toMatch(description);
    }

    const asXml = await postForm({ ...report(), api_key: '' }, 'xml');
    expect(asXml.status).toBe(403);
    expect(new XMLParser().parse(asXml.text)).toMatchObject({ errors: { error: { code: 403 } } });

    expect((await get('requests/not-an-id.json')).status).toBe(404);
    expect((await get('requests.json?status=pending')).status).toBe(400);
    expect((await get('requests.json?start_date=yesterday')).status).toBe(400);
    expect((await get('requests.html')).status).toBe(404);
    expect((await get('services.json?jurisdiction_id=lamha.vn')).status).toBe(200);
    const otherPlace = await get('services.json?jurisdiction_id=hanoi');
    expect(otherPlace.status).toBe(404);
    expect((otherPlace.json() as Open311Error[])[0]!.description).toMatch(/jurisdiction_id/);
    expect((await get('nothing-here')).status).toBe(404);
  });
});

describe('Open311 posting limits', () => {
  it('applies the anonymous posting rate limit, and is off without API keys', async () => {
    const limited = await startTestServer({
      OPEN311_API_KEYS: `fixapp:${API_KEY}`,
      RATE_LIMIT_ANONYMOUS_POSTS: '1/1h',
    });
    const send = (description: string) =>
      fetch(`${limited.url}/open311/v2/requests.json`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ ...report(), description, attribute: { place_id: 'LH.NB' } }),
      });
    expect((await send('Ổ gà lớn trước cổng trường học thôn 1')).status).toBe(201);
    const refused = await send('Ổ gà lớn trước cổng trường học thôn 2');
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(((await refused.json()) as Open311Error[])[0]!.code).toBe(429);

    const closed = await startTestServer();
    const answer = await fetch(`${closed.url}/open311/v2/requests.json`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(report({ lat: '11.8', long: '108.3' })),
    });
    expect(answer.status).toBe(403);
    expect(((await answer.json()) as Open311Error[])[0]!.description).toMatch(/not enabled/);
  });
});
