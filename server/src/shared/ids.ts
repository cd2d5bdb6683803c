const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids are checked before they reach PostgreSQL, where a malformed uuid would be an error, not a miss. */
export const isUuid = (id: unknown): id is string => typeof id === 'string' && UUID.test(id);
