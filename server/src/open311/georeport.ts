import { createHash } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { validate } from 'class-validator';
import { FeedbackKind } from '../dialogue/feedback-kind.js';
import { PostingService } from '../dialogue/posting.service.js';
import { OPEN_STATUSES, ThreadStatus } from '../dialogue/thread-status.js';
import { PostFeedbackInput } from '../dialogue/thread.input.js';
import { Thread } from '../dialogue/thread.entity.js';
import { TrackingCodes } from '../dialogue/tracking-code.js';
import type { Services } from '../shared/context.js';
import { isUuid } from '../shared/ids.js';
import { maskPersonalData } from '../shared/personal-data.js';
import { Category } from '../units/category.entity.js';
import { nearestOf } from '../units/nearest-place.js';
import { Unit } from '../units/unit.entity.js';

/**
 * Open311 GeoReport v2 (https://wiki.open311.org/GeoReport_v2/) over the dialogue: services are the
 * fields (categories), service requests are the public threads. Pure mapping and queries; the
 * HTTP side (formats, errors, API keys) is in routes.ts.
 */

/** An error in the spec's format: `[{ code, description }]` with the same HTTP status. */
export class Open311Error extends Error {
  constructor(
    readonly status: number,
    readonly description: string,
  ) {
    super(description);
  }
}

/** How far a pin may be from a commune or village for it to be the request's place. */
const NEAREST_PLACE_METRES = 25_000;
/** The spec's default window and cap for a list of requests. */
const DEFAULT_DAYS = 90;
const MAX_REQUESTS = 1000;

/** Open threads are "open"; answered, resolved, closed and rejected ones are "closed". */
export const open311Status = (status: ThreadStatus): 'open' | 'closed' =>
  OPEN_STATUSES.includes(status) || status === ThreadStatus.SUBMITTED ? 'open' : 'closed';

const STATUS_NOTES: Record<ThreadStatus, string> = {
  SUBMITTED: 'Đã gửi / Submitted',
  ROUTED: 'Đã chuyển đến đơn vị / Routed to the unit',
  ACKNOWLEDGED: 'Đã tiếp nhận / Acknowledged',
  IN_PROGRESS: 'Đang xử lý / In progress',
  ANSWERED: 'Đã trả lời / Answered',
  RESOLVED: 'Đã giải quyết / Resolved',
  CLOSED: 'Đã đóng / Closed',
  REOPENED: 'Mở lại / Reopened',
  REJECTED: 'Không thụ lý / Rejected',
};

export function serviceView(category: Category) {
  return {
    service_code: category.code,
    service_name: category.name,
    description: `${category.name} (${category.nameEn}). Tiếp nhận trong ${category.acknowledgeWithinHours} giờ làm việc, trả lời trong ${category.answerWithinHours} giờ làm việc.`,
    metadata: true,
    type: 'realtime',
    keywords: category.nameEn,
    group: null,
  };
}

/** The extra fields a request takes (the spec's service definition attributes). */
export function serviceDefinition(category: Category, places: Unit[]) {
  return {
    service_code: category.code,
    attributes: [
      {
        variable: true,
        code: 'place_id',
        datatype: 'singlevaluelist',
        required: false,
        datatype_description:
          'The commune or village where it happens. Required unless lat and long are given (then the nearest place within 25 km is used).',
        order: 1,
        description: 'Xã / thôn (commune or village)',
        values: places.map((place) => ({ key: place.id, name: place.placeName })),
      },
      {
        variable: true,
        code: 'kind',
        datatype: 'singlevaluelist',
        required: false,
        datatype_description: 'What kind of post; REPORT when left out.',
        order: 2,
        description: 'Loại (kind)',
        values: Object.values(FeedbackKind).map((kind) => ({ key: kind, name: kind })),
      },
      {
        variable: true,
        code: 'private',
        datatype: 'singlevaluelist',
        required: false,
        datatype_description:
          'true: only the responsible unit reads it; it is then never listed over Open311. Public (false) when left out.',
        order: 3,
        description: 'Riêng tư (private)',
        values: [
          { key: 'false', name: 'Công khai (public)' },
          { key: 'true', name: 'Riêng tư (private)' },
        ],
      },
    ],
  };
}

/** A public thread as a service request; its texts masked as on the board (no reader has rights here). */
export function requestView(thread: Thread) {
  const place = thread.place;
  const pinned = thread.latitude != null && thread.longitude != null;
  const mask = (text: string) => maskPersonalData(text);
  return {
    service_request_id: thread.id,
    status: open311Status(thread.status),
    status_notes: STATUS_NOTES[thread.status],
    service_name: thread.category.name,
    service_code: thread.category.code,
    description: mask(`${thread.title}\n\n${thread.body}`),
    agency_responsible: thread.unit.name,
    service_notice:
      open311Status(thread.status) === 'open' ? `Hạn trả lời / answer due: ${thread.answerDueAt.toISOString()}` : null,
    requested_datetime: thread.createdAt.toISOString(),
    updated_datetime: thread.updatedAt.toISOString(),
    expected_datetime: thread.answerDueAt.toISOString(),
    address: thread.address ? `${mask(thread.address)}, ${place.placeName}` : place.placeName,
    address_id: place.id,
    zipcode: null,
    // The pin when one was given, else the commune's or village's own point.
    lat: pinned ? thread.latitude! : (place.latitude ?? null),
    long: pinned ? thread.longitude! : (place.longitude ?? null),
    media_url: null,
  };
}

export interface RequestQuery {
  service_request_id?: unknown;
  service_code?: unknown;
  start_date?: unknown;
  end_date?: unknown;
  status?: unknown;
}

const listOf = (value: unknown): string[] =>
  typeof value === 'string'
    ? value
        .split(',')
        .map((part) => part.trim())
        .filter(Boolean)
    : [];

function dateOf(value: unknown, name: string): Date | undefined {
  if (value === undefined || value === '') return undefined;
  const date = typeof value === 'string' ? new Date(value) : new Date(NaN);
  if (Number.isNaN(date.getTime()))
    throw new Open311Error(400, `${name} must be a W3C date-time (2026-11-29T08:00:00+07:00).`);
  return date;
}

const PUBLIC_RELATIONS = ['category', 'place', 'unit'] as const;

/** GET requests: public threads only, newest first, filtered as the spec says. */
export async function listRequests(em: EntityManager, query: RequestQuery): Promise<Thread[]> {
  const ids = listOf(query.service_request_id);
  if (ids.length > 0) {
    const valid = ids.filter(isUuid).slice(0, MAX_REQUESTS);
    if (valid.length === 0) return [];
    return em.find(
      Thread,
      { id: { $in: valid }, isPublic: true },
      { populate: [...PUBLIC_RELATIONS], orderBy: { createdAt: 'desc', id: 'desc' } },
    );
  }
  const codes = listOf(query.service_code);
  const statuses = listOf(query.status);
  if (statuses.some((status) => status !== 'open' && status !== 'closed')) {
    throw new Open311Error(400, 'status must be open, closed, or both separated by a comma.');
  }
  const end = dateOf(query.end_date, 'end_date');
  let start = dateOf(query.start_date, 'start_date');
  if (!start) start = new Date((end ?? new Date()).getTime() - DEFAULT_DAYS * 24 * 3600 * 1000);
  if (end && end < start) throw new Open311Error(400, 'end_date must not be before start_date.');
  const wantOpen = statuses.length === 0 || statuses.includes('open');
  const wantClosed = statuses.length === 0 || statuses.includes('closed');
  const matching = Object.values(ThreadStatus).filter((status) =>
    open311Status(status) === 'open' ? wantOpen : wantClosed,
  );
  return em.find(
    Thread,
    {
      isPublic: true,
      status: { $in: matching },
      createdAt: { $gte: start, ...(end ? { $lte: end } : {}) },
      ...(codes.length > 0 ? { category: { code: { $in: codes } } } : {}),
    },
    { populate: [...PUBLIC_RELATIONS], orderBy: { createdAt: 'desc', id: 'desc' }, limit: MAX_REQUESTS },
  );
}

export async function findRequest(em: EntityManager, id: string): Promise<Thread> {
  const thread = isUuid(id)
    ? await em.findOne(Thread, { id, isPublic: true }, { populate: [...PUBLIC_RELATIONS] })
    : null;
  if (!thread) throw new Open311Error(404, `Service request ${id} not found.`);
  return thread;
}

/** GET tokens/{token}: the request an anonymous post's token (its tracking code) names. */
export async function findByToken(em: EntityManager, token: string): Promise<Thread> {
  const thread = token.length <= 40 ? await em.findOne(Thread, { trackingCodeHash: TrackingCodes.hash(token) }) : null;
  if (!thread) throw new Open311Error(404, 'Token not found.');
  return thread;
}

/** The fields of a POST requests body (form-encoded or JSON). */
export interface RequestBody {
  service_code?: unknown;
  lat?: unknown;
  long?: unknown;
  address_string?: unknown;
  address_id?: unknown;
  description?: unknown;
  attribute?: unknown;
  idempotency_key?: unknown;
  [field: string]: unknown;
}

const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() ? value.trim() : undefined;

function numberOf(value: unknown, name: string): number | undefined {
  if (value === undefined || value === '') return undefined;
  const number = typeof value === 'number' ? value : typeof value === 'string' ? Number(value) : NaN;
  if (!Number.isFinite(number)) throw new Open311Error(400, `${name} must be a number.`);
  return number;
}

/** A title from the description: its first line, cut at a word near 120 characters. */
export function titleOf(description: string): string {
  const line = description.split(/\r?\n/)[0]!.trim();
  const firstLine = line.length >= 5 ? line : description.replace(/\s+/g, ' ').trim();
  if (firstLine.length <= 120) return firstLine;
  const cut = firstLine.slice(0, 120);
  const space = cut.lastIndexOf(' ');
  return `${space > 60 ? cut.slice(0, space) : cut}…`;
}

/**
 * A UUID from the client and the request as sent, when the client gives no idempotency key: the
 * spec has none, and a client that retries after a lost answer sends the same request again.
 */
function derivedKey(client: string, body: RequestBody): string {
  const hex = createHash('sha256')
    .update(JSON.stringify([client, body]))
    .digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export interface CreatedRequest {
  thread: Thread;
  token: string | null;
}

/**
 * POST requests: an anonymous post through the same PostingService as `postFeedback` (routing,
 * rate limits by address, idempotency, events and live delivery). Contact fields (email, phone,
 * names) are not stored: the thread is anonymous and its tracking code is the answer's `token`.
 */
export async function createRequest(
  em: EntityManager,
  services: Services,
  client: string,
  body: RequestBody,
  clientIp: string,
): Promise<CreatedRequest> {
  const serviceCode = text(body.service_code);
  if (!serviceCode) throw new Open311Error(400, 'service_code is required.');
  const category = await em.findOne(Category, { code: serviceCode });
  if (!category) throw new Open311Error(404, `Service ${serviceCode} not found.`);
  const description = text(body.description);
  if (!description) throw new Open311Error(400, 'description is required.');
  if (description.length < 10 || description.length > 5000) {
    throw new Open311Error(400, 'description must be 10 to 5000 characters long.');
  }
  const latitude = numberOf(body.lat, 'lat');
  const longitude = numberOf(body.long, 'long');
  if ((latitude === undefined) !== (longitude === undefined)) {
    throw new Open311Error(400, 'Give both lat and long, or neither.');
  }
  const attributes = (typeof body.attribute === 'object' && body.attribute !== null ? body.attribute : {}) as Record<
    string,
    unknown
  >;
  const placeId = await placeOf(em, text(attributes.place_id) ?? text(body.address_id), latitude, longitude);
  const kind = text(attributes.kind) ?? FeedbackKind.REPORT;
  const privateFlag = text(attributes.private) ?? 'false';
  if (privateFlag !== 'true' && privateFlag !== 'false')
    throw new Open311Error(400, 'attribute[private] must be true or false.');
  const input = Object.assign(new PostFeedbackInput(), {
    kind,
    title: titleOf(description),
    body: description,
    categoryId: category.id,
    placeId,
    isPublic: privateFlag === 'false',
    anonymous: true,
    idempotencyKey: text(body.idempotency_key) ?? derivedKey(client, body),
    attachmentIds: [],
    latitude: latitude ?? null,
    longitude: longitude ?? null,
    address: text(body.address_string) ?? null,
  });
  const problems = await validate(input);
  if (problems.length > 0) {
    const first = problems[0]!;
    const message = Object.values(first.constraints ?? {})[0] ?? `${first.property} is not valid`;
    throw new Open311Error(400, openFieldNames(message));
  }
  const result = await new PostingService(em, services).post(input, null, clientIp);
  return { thread: result.thread, token: result.trackingCode };
}

/** The posting rules speak of the dialogue's fields; a client of this door knows the spec's. */
const openFieldNames = (message: string) =>
  message
    .replace(/^body /, 'description ')
    .replace(/^title /, 'description (its first line) ')
    .replace(/^kind /, 'attribute[kind] ')
    .replace(/^latitude /, 'lat ')
    .replace(/^longitude /, 'long ')
    .replace(/^address /, 'address_string ')
    .replace(/^idempotencyKey /, 'idempotency_key ');

async function placeOf(
  em: EntityManager,
  given: string | undefined,
  latitude: number | undefined,
  longitude: number | undefined,
): Promise<string> {
  if (given) {
    const place = isUuid(given) ? await em.findOne(Unit, given) : await em.findOne(Unit, { code: given });
    if (!place?.isPlace)
      throw new Open311Error(400, 'attribute[place_id] must be a commune or village of the service definition.');
    return place.id;
  }
  if (latitude === undefined || longitude === undefined) {
    throw new Open311Error(400, 'Give lat and long, or attribute[place_id] (see the service definition).');
  }
  if (Math.abs(latitude) > 90 || Math.abs(longitude) > 180)
    throw new Open311Error(400, 'lat and long must be WGS 84 degrees.');
  const pinned = await em.find(Unit, { latitude: { $ne: null }, longitude: { $ne: null } });
  const nearest = nearestOf(
    pinned.filter((unit) => unit.isPlace && unit.isCurrent),
    { latitude, longitude },
    NEAREST_PLACE_METRES,
  );
  if (!nearest)
    throw new Open311Error(400, 'No commune or village is within 25 km of lat and long: give attribute[place_id].');
  return nearest.item.id;
}

/** The communes and villages a request may name, by name. */
export async function currentPlaces(em: EntityManager): Promise<Unit[]> {
  const units = await em.find(Unit, {}, { orderBy: { name: 'asc' } });
  return units.filter((unit) => unit.isPlace && unit.isCurrent);
}
