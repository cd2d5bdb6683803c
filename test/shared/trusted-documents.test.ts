import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Kind, print, visit, type DocumentNode } from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { canonicalDocument, documentHash, TrustedDocuments } from '../../server/src/shared/trusted-documents.js';
import * as generated from '../../web/src/graphql/generated.js';
import { overSocket, startTestServer, type TestServer } from '../support/server.js';

/** What urql sends: the document with `__typename` added to every selection (its cacheExchange does). */
function asUrqlSends(document: DocumentNode): string {
  return print(
    visit(document, {
      SelectionSet: (node) => ({
        ...node,
        selections: [...node.selections, { kind: Kind.FIELD, name: { kind: Kind.NAME, value: '__typename' } }],
      }),
    }),
  );
}

const CATALOG = asUrqlSends(generated.CatalogDocument);
const PARTNER_QUERY = 'query PartnerCategories { categories { code name } }';

interface Answer {
  data?: Record<string, unknown[]> | null;
  errors?: Array<{ message: string; extensions: { code: string } }>;
}

let server: TestServer;
const post = (body: unknown) =>
  fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  }).then(async (response) => ({ status: response.status, body: (await response.json()) as Answer }));

beforeAll(async () => {
  // A third-party client's documents, registered by the operators.
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'trusted-')), 'partners.json');
  writeFileSync(file, JSON.stringify({ 'partner-app/PartnerCategories': PARTNER_QUERY }));
  server = await startTestServer({ NODE_ENV: 'production', TRUSTED_DOCUMENTS_FILE: file });
});

describe('trusted documents in production', () => {
  it('runs every document the web app sends, and nothing else', () => {
    const trusted = TrustedDocuments.load('enforce', undefined, 10_000);
    const documents = Object.entries(generated).filter(
      (entry): entry is [string, DocumentNode] => entry[0].endsWith('Document') && typeof entry[1] === 'object',
    );
    expect(documents.length).toBeGreaterThan(25);
    for (const [name, document] of documents) {
      expect(trusted.allows(print(document)), name).toBe(true);
      expect(trusted.allows(asUrqlSends(document)), name).toBe(true);
    }
    expect(trusted.allows('{ categories { code } }')).toBe(false);
    // Layout is not identity; fields are.
    expect(trusted.allows(print(generated.CatalogDocument).replace(/\s+/g, ' '))).toBe(true);
    expect(trusted.allows(print(generated.CatalogDocument).replace('urgent', 'urgent code'))).toBe(false);
    expect(trusted.allows(print(generated.CatalogDocument).replace('urgent', 'id: urgent'))).toBe(false);
  });

  it("answers the web app's documents over HTTP, in full or by hash, and over WebSocket", async () => {
    const full = await post({ query: CATALOG });
    expect(full.status).toBe(200);
    expect(full.body.data!.categories!.length).toBeGreaterThan(0);
    const hash = documentHash(canonicalDocument(generated.CatalogDocument));
    const byHash = await post({ extensions: { persistedQuery: { version: 1, sha256Hash: hash } } });
    expect(byHash.body.data!.units!.length).toBe(full.body.data!.units!.length);
    const get = await fetch(
      `${server.url}/graphql?extensions=${encodeURIComponent(JSON.stringify({ persistedQuery: { version: 1, sha256Hash: hash } }))}`,
      { headers: { 'apollo-require-preflight': 'true' } },
    );
    expect(get.status).toBe(200);
    const ws = await overSocket(server.socket(), CATALOG);
    expect(ws.errors).toBeUndefined();
    expect((ws.data as { categories: unknown[] }).categories.length).toBeGreaterThan(0);
  });

  it('refuses any other document with FORBIDDEN_OPERATION, over HTTP (403) and WebSocket, and an unknown hash', async () => {
    const other = await post({ query: '{ categories { code } }' });
    expect(other).toEqual({
      status: 403,
      body: { errors: [{ message: expect.stringMatching(/registered/), extensions: { code: 'FORBIDDEN_OPERATION' } }] },
    });
    const unknown = await post({ extensions: { persistedQuery: { version: 1, sha256Hash: 'f'.repeat(64) } } });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors![0]!.extensions.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    const ws = await overSocket(server.socket(), '{ categories { code } }');
    expect(ws.data ?? null).toBeNull();
    expect(ws.errors?.[0]?.extensions?.code).toBe('FORBIDDEN_OPERATION');
    // A subscription the web app never sends is refused before it reaches the live hub.
    const live = await overSocket(server.socket(), 'subscription { boardEvents(after: "0") { cursor } }');
    expect(live.errors?.[0]?.extensions?.code).toBe('FORBIDDEN_OPERATION');
  });

  it("runs a third-party client's registered documents, and refuses its others", async () => {
    const registered = await post({ query: PARTNER_QUERY });
    expect(registered.status).toBe(200);
    expect(registered.body.data!.categories!.length).toBeGreaterThan(0);
    const changed = await post({ query: 'query PartnerCategories { categories { code name urgent } }' });
    expect(changed.status).toBe(403);
  });

  it('still answers a malformed request as the client error it is, never a 5xx', async () => {
    const syntax = await post({ query: '{ categories {' });
    expect(syntax.status).toBe(400);
    expect(syntax.body.errors![0]!.extensions.code).toBe('GRAPHQL_PARSE_FAILED');
    const empty = await post({});
    expect(empty.status).toBe(400);
  });
});

describe('trusted documents in development', () => {
  it('are not enforced: any document runs', () => {
    const trusted = TrustedDocuments.load('off', undefined, 10_000);
    expect(trusted.allows('{ categories { code } }')).toBe(true);
  });
});
