import { CombinedError } from '@urql/core';

export interface ErrorText {
  /** i18n key. */
  key: string;
  params: Record<string, string>;
  /** i18n key of the field a BAD_USER_INPUT names, to fill `{detail}` with its label. */
  detailKey?: string;
}

const KNOWN_CODES = new Set([
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'BAD_USER_INPUT',
  'CONFLICT',
  'RATE_LIMITED',
  'INVALID_TRANSITION',
  'CONSENT_REQUIRED',
  'INTERNAL_SERVER_ERROR',
]);

/** Input fields the server names in BAD_USER_INPUT, and the label the user saw for each. */
const FIELD_LABELS: Record<string, string> = {
  title: 'post.titleLabel',
  body: 'post.body',
  placeId: 'post.place',
  categoryId: 'post.field',
  kind: 'post.kind',
  email: 'auth.email',
  password: 'auth.password',
  displayName: 'auth.displayName',
  reason: 'actions.reason',
  score: 'rating.score',
  comment: 'rating.comment',
};

/** The message to show for an error, by its stable extensions.code; never the raw server text alone. */
export function describeError(error: unknown): ErrorText {
  if (error instanceof CombinedError) {
    const first = error.graphQLErrors[0];
    const code = first?.extensions.code;
    if (typeof code === 'string' && KNOWN_CODES.has(code)) {
      const field = first?.extensions.field;
      const label = typeof field === 'string' ? FIELD_LABELS[field] : undefined;
      return {
        key: `errors.${code}`,
        params: { requestId: String(first?.extensions.requestId ?? '—'), detail: first?.message ?? '' },
        ...(label ? { detailKey: label } : {}),
      };
    }
    if (error.networkError) return { key: 'errors.NETWORK', params: {} };
  }
  if (error instanceof TypeError) return { key: 'errors.NETWORK', params: {} };
  return { key: 'errors.UNKNOWN', params: {} };
}

/** The extensions.code of an urql error, if any. */
export function errorCode(error: unknown): string | null {
  if (!(error instanceof CombinedError)) return null;
  const code = error.graphQLErrors[0]?.extensions.code;
  return typeof code === 'string' ? code : null;
}
