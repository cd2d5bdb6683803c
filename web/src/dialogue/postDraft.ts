import { config } from '../config';
import type { FeedbackKind } from '../graphql/generated';

export interface PostDraft {
  kind: FeedbackKind | '';
  categoryId: string;
  placeId: string;
  title: string;
  body: string;
  isPublic: boolean;
  anonymous: boolean;
  /** Generated with the draft and kept until the post succeeds: a retry never posts twice. */
  idempotencyKey: string;
  /** The pin (phone position), both or neither. */
  latitude: number | null;
  longitude: number | null;
  /** Where, in words. */
  address: string;
}

const KEY = `${config.storagePrefix}postDraft`;

/** A UUID v4; crypto.randomUUID exists only in secure contexts, getRandomValues everywhere. */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = [...bytes].map((byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export function emptyDraft(): PostDraft {
  return {
    kind: '',
    categoryId: '',
    placeId: '',
    title: '',
    body: '',
    isPublic: true,
    anonymous: false,
    idempotencyKey: newIdempotencyKey(),
    latitude: null,
    longitude: null,
    address: '',
  };
}

export function loadDraft(storage: Pick<Storage, 'getItem'> | undefined = globalThis.localStorage): PostDraft {
  try {
    const stored = JSON.parse(storage?.getItem(KEY) ?? 'null') as Partial<PostDraft> | null;
    if (stored && typeof stored.idempotencyKey === 'string') return { ...emptyDraft(), ...stored };
  } catch {
    // A corrupt draft is dropped.
  }
  return emptyDraft();
}

export function saveDraft(draft: PostDraft, storage: Pick<Storage, 'setItem'> | undefined = globalThis.localStorage) {
  storage?.setItem(KEY, JSON.stringify(draft));
}

export type DraftErrors = Partial<Record<'kind' | 'categoryId' | 'placeId' | 'title' | 'body', string>>;

/** The same limits the server checks, so most mistakes are caught before sending. Values are i18n keys. */
export function validateDraft(draft: PostDraft): DraftErrors {
  const errors: DraftErrors = {};
  if (!draft.kind) errors.kind = 'post.required';
  if (!draft.categoryId) errors.categoryId = 'post.required';
  if (!draft.placeId) errors.placeId = 'post.required';
  const title = draft.title.trim().length;
  if (title < 5 || title > 200) errors.title = 'post.titleLength';
  const body = draft.body.trim().length;
  if (body < 10 || body > 5000) errors.body = 'post.bodyLength';
  return errors;
}
