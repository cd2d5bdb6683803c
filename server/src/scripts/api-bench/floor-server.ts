// The floor of bench:api: a bare `http` + `pg` server sending, for each request, the very SQL
// statements the product sent for the same request (recorded by product-server.ts), one after the
// other on one pooled connection as the product does, and answering with their rows as JSON. No
// GraphQL, no ORM: what the same SQL costs on this machine with nothing on top.
import { randomBytes, randomUUID } from 'node:crypto';
import http from 'node:http';
import pg from 'pg';
import { announce, probe, serveParent } from '../live-bench/ipc.js';
import type { Statement } from './product-server.js';

/**
 * What a recorded post wrote that must be new on each replay (the thread id, the idempotency key,
 * the tracking code's hash): each value is replaced by a fresh one of the same shape.
 */
export interface Fresh {
  uuids: string[];
  hex64: string[];
}

interface Script {
  statements: Statement[];
  fresh: Fresh;
}

const scripts = new Map<string, Script>();
// As many connections as the product's pool (server/src/db/orm.ts: at most 10).
const pool = new pg.Pool({ connectionString: process.env.API_BENCH_DATABASE_URL, max: 10 });

function replayed(script: Script): Statement[] {
  const swaps: Array<[string, string]> = [
    ...script.fresh.uuids.map((old): [string, string] => [old, randomUUID()]),
    ...script.fresh.hex64.map((old): [string, string] => [old, randomBytes(32).toString('hex')]),
  ];
  if (swaps.length === 0) return script.statements;
  return script.statements.map(({ sql, bindings }) => ({
    sql: swaps.reduce((text, [old, fresh]) => text.replaceAll(old, fresh), sql),
    bindings,
  }));
}

async function answer(name: string, body: string): Promise<string> {
  const script = scripts.get(name);
  if (!script) throw new Error(`no statements for ${name}`);
  JSON.parse(body); // the product parses the request too
  const client = await pool.connect();
  try {
    const results: unknown[] = [];
    for (const { sql, bindings } of replayed(script)) {
      const { rows } = await client.query(sql, bindings);
      results.push(rows);
    }
    return JSON.stringify({ data: results });
  } finally {
    client.release();
  }
}

const server = http.createServer((request, response) => {
  const chunks: Buffer[] = [];
  request.on('data', (chunk: Buffer) => chunks.push(chunk));
  request.on('end', () => {
    const name = (request.url ?? '').replace(/^\/floor\//, '');
    answer(name, Buffer.concat(chunks).toString('utf8')).then(
      (json) => {
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end(json);
      },
      (error: unknown) => {
        response.writeHead(500, { 'content-type': 'text/plain' });
        response.end(error instanceof Error ? error.message : String(error));
      },
    );
  });
});

serveParent(
  {
    probe: (options: { gc?: boolean }) => probe(() => null, options),
    script: ({ name, statements, fresh }: { name: string } & Script) => void scripts.set(name, { statements, fresh }),
  },
  () => {
    server.close();
    void pool.end().finally(() => process.exit(0));
  },
);

server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  announce({ type: 'ready', port: address && typeof address === 'object' ? address.port : undefined });
});
server.on('error', (error) => {
  announce({ type: 'failed', error: error.message });
  process.exit(1);
});
