import {
  GraphQLError,
  specifiedRules,
  validate,
  type DocumentNode,
  type GraphQLSchema,
  type ValidationRule,
} from 'graphql';

export type CheckedDocument = { document: DocumentNode } | { errors: readonly GraphQLError[] };

/**
 * Parsed and validated documents by their text, most recently used kept. Every open page of the
 * web app sends the same few subscription documents: one parsed tree serves them all (memory per
 * socket) and each is validated once (CPU per subscribe).
 */
export class DocumentCache {
  private readonly entries = new Map<string, CheckedDocument>();

  constructor(
    private readonly schema: GraphQLSchema,
    private readonly parse: (source: string) => DocumentNode,
    private readonly rules: readonly ValidationRule[],
    private readonly capacity = 500,
    /** Longer texts are checked every time: a cache of large hostile documents would be a memory leak. */
    private readonly largest = 16 * 1024,
  ) {}

  check(source: string): CheckedDocument {
    const cached = this.entries.get(source);
    if (cached) {
      this.entries.delete(source);
      this.entries.set(source, cached);
      return cached;
    }
    let checked: CheckedDocument;
    try {
      const document = this.parse(source);
      // The armor rules throw on rejection rather than report, so both paths end here.
      const errors = validate(this.schema, document, [...specifiedRules, ...this.rules]);
      checked = errors.length > 0 ? { errors } : { document };
    } catch (error) {
      if (!(error instanceof GraphQLError)) throw error;
      checked = { errors: [error] };
    }
    if ('errors' in checked || source.length > this.largest) return checked;
    this.entries.set(source, checked);
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
    return checked;
  }
}
