import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { RequestHandler } from 'express';
import { parse, print, visit, type DocumentNode } from 'graphql';
import { projectRoot } from '../config.js';
import { ErrorCode } from './errors.js';

/**
 * Trusted documents: in production the server runs only the GraphQL documents registered ahead of
 * time: the web app's operations (schema/trusted-documents.json, written by `npm run web:codegen`)
 * and, opt-in, those of third-party clients (TRUSTED_DOCUMENTS_FILE). A client sends the whole
 * document, or only its hash (`extensions.persistedQuery.sha256Hash`, as Apollo's persisted
 * queries do). Anything else is FORBIDDEN_OPERATION (HTTP 403), over HTTP and WebSocket alike.
 *
 * Why here rather than Apollo's APQ or a safelisting plugin: APQ registers any document a client
 * sends, Apollo's safelisting needs GraphOS, and an Apollo plugin cannot refuse a request before
 * it is parsed and validated (and would not cover graphql-ws); one check in front of both
 * transports can.
 */

/** The web app's manifest, generated and committed beside the schema. */
export const WEB_MANIFEST = path.join(projectRoot, 'schema/trusted-documents.json');

/** The raw texts already found trusted, kept so that a repeated document is not parsed again. */
const REMEMBERED = 1_000;

/**
 * A document's identity, whatever its layout and the order of its definitions, and without the
 * `__typename` fields clients add to selections (urql does): harmless meta fields, never data.
 */
export function canonicalDocument(document: DocumentNode): string {
  const stripped = visit(document, {
    Field: (node) => (node.name.value === '__typename' && !node.alias ? null : undefined),
  });
  return stripped.definitions
    .map((definition) => print(definition))
    .sort()
    .join('\n\n');
}

export const documentHash = (canonical: string): string => createHash('sha256').update(canonical).digest('hex');

export type TrustedDocumentsMode = 'enforce' | 'off';

export class TrustedDocuments {
  private readonly byHash = new Map<string, string>();
  private readonly remembered = new Set<string>();

  constructor(
    readonly enforced: boolean,
    documents: Iterable<string>,
    private readonly maxTokens: number,
  ) {
    for (const document of documents) {
      const canonical = canonicalDocument(parse(document));
      this.byHash.set(documentHash(canonical), canonical);
    }
  }

  /** The web manifest plus the third-party file; a missing or broken file stops the boot with its name. */
  static load(mode: TrustedDocumentsMode, extraFile: string | undefined, maxTokens: number): TrustedDocuments {
    if (mode === 'off') return new TrustedDocuments(false, [], maxTokens);
    const documents = [WEB_MANIFEST, ...(extraFile ? [extraFile] : [])].flatMap((file) => {
      try {
        const content: unknown = JSON.parse(readFileSync(file, 'utf8'));
        const values = Array.isArray(content) ? content : Object.values(content as Record<string, unknown>);
        if (!values.every((value) => typeof value === 'string')) throw new Error('values must be documents');
        values.forEach((value) => parse(value as string));
        return values as string[];
      } catch (error) {
        throw new Error(
          `Trusted documents: ${file} must be JSON, an object or array of GraphQL documents (${(error as Error).message})`,
        );
      }
    });
    return new TrustedDocuments(true, documents, maxTokens);
  }

  get size(): number {
    return this.byHash.size;
  }

  /** Whether a document may go on: a registered one, or one that does not parse (it cannot run). */
  allows(query: string): boolean {
    if (!this.enforced || this.remembered.has(query)) return true;
    let canonical: string;
    try {
      canonical = canonicalDocument(parse(query, { maxTokens: this.maxTokens }));
    } catch {
      // It cannot run: let the transport answer its GRAPHQL_PARSE_FAILED, as for any client.
      return true;
    }
    if (!this.byHash.has(documentHash(canonical))) return false;
    if (this.remembered.size >= REMEMBERED) this.remembered.clear();
    this.remembered.add(query);
    return true;
  }

  /** The registered document with this hash (sha256 of its canonical form). */
  document(hash: string): string | undefined {
    return this.byHash.get(hash);
  }
}

const refuse = (res: Parameters<RequestHandler>[1], status: number, code: string, message: string) => {
  res.status(status).json({ errors: [{ message, extensions: { code } }] });
};

export const UNTRUSTED_MESSAGE =
  'This server runs only registered GraphQL documents; ask its operators to add yours (see README, Security).';

/** HTTP: refuses an unregistered document before Apollo parses it; a known hash alone stands for its document. */
export function trustedDocumentsMiddleware(trusted: TrustedDocuments): RequestHandler {
  return (req, res, next) => {
    if (!trusted.enforced) return next();
    const params: Record<string, unknown> =
      req.method === 'GET'
        ? { query: req.query.query, extensions: parseJson(req.query.extensions) }
        : req.body !== null && typeof req.body === 'object' && !Array.isArray(req.body)
          ? (req.body as Record<string, unknown>)
          : {};
    const { query } = params;
    if (typeof query === 'string' && query !== '') {
      if (trusted.allows(query)) return next();
      return refuse(res, 403, ErrorCode.ForbiddenOperation, UNTRUSTED_MESSAGE);
    }
    const hash = (params.extensions as { persistedQuery?: { sha256Hash?: unknown } } | undefined)?.persistedQuery
      ?.sha256Hash;
    if (typeof hash !== 'string') return next();
    const document = trusted.document(hash);
    if (!document) return refuse(res, 400, 'PERSISTED_QUERY_NOT_FOUND', 'No registered document has this hash.');
    if (req.method === 'GET') {
      const search = new URLSearchParams(req.url.split('?')[1] ?? '');
      search.set('query', document);
      search.delete('extensions');
      req.url = `${req.path}?${search.toString()}`;
    } else {
      const { persistedQuery: _persisted, ...extensions } = (params.extensions ?? {}) as Record<string, unknown>;
      req.body = { ...params, query: document, extensions };
    }
    next();
  };
}

function parseJson(value: unknown): unknown {
  if (typeof value !== 'string') return undefined;
  try {
    return JSON.parse(value);
  } catch {
    return undefined;
  }
}
