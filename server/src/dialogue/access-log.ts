import type { EntityManager } from '@mikro-orm/postgresql';
import { Role } from '../accounts/role.js';
import type { Context } from '../shared/context.js';
import { toCsv } from '../shared/csv.js';
import { Unit } from '../units/unit.entity.js';
import { AccessTransport, StaffReadSummary } from './access-log.entity.js';
import type { Thread } from './thread.entity.js';

/** The threads each operation has logged already: a thread read twice in one operation is one read. */
const loggedBy = new WeakMap<Context, Set<string>>();

/** Whether a viewer's read of a thread goes into the access log: staff reading a private thread not their own. */
export function isLoggedRead(thread: Pick<Thread, 'isPublic' | 'author'>, viewer: Context['viewer']): boolean {
  return !thread.isPublic && viewer !== null && viewer.role !== Role.CITIZEN && thread.author?.id !== viewer.id;
}

/**
 * Appends one record per private thread that staff read in this operation, before the answer
 * leaves: when the log cannot be written, the read fails.
 */
export async function logStaffReads(ctx: Context, threads: readonly Thread[], operation: string): Promise<void> {
  const { viewer } = ctx;
  if (!viewer) return;
  const logged = loggedBy.get(ctx) ?? new Set<string>();
  loggedBy.set(ctx, logged);
  const ids = threads.filter((thread) => isLoggedRead(thread, viewer) && !logged.has(thread.id)).map((t) => t.id);
  if (ids.length === 0) return;
  // Marked before the insert: resolvers of one operation run concurrently (aliases).
  for (const id of ids) logged.add(id);
  const transport = ctx.live ? AccessTransport.WEBSOCKET : AccessTransport.HTTP;
  await ctx.em
    .getKnex()('thread_access_log')
    .insert(
      ids.map((id) => ({
        thread_id: id,
        reader_id: viewer.id,
        reader_role: viewer.role,
        reader_unit_id: viewer.unit?.id ?? null,
        operation,
        transport,
      })),
    );
}

/** Which units (and whether monitors or administrators) read a thread, and when: no persons. */
export async function staffReadsOf(em: EntityManager, threadId: string): Promise<StaffReadSummary[]> {
  const rows = await em
    .getConnection()
    .execute<Array<{ reader_role: Role; reader_unit_id: string | null; reads: number; first: Date; last: Date }>>(
      `select reader_role, reader_unit_id, count(*)::int as reads, min(at) as first, max(at) as last
       from thread_access_log where thread_id = ?
      group by reader_role, reader_unit_id order by max(at) desc`,
      [threadId],
    );
  const unitIds = rows.flatMap((row) => (row.reader_unit_id ? [row.reader_unit_id] : []));
  const units = new Map((await em.find(Unit, { id: { $in: unitIds } })).map((unit) => [unit.id, unit]));
  return rows.map((row) =>
    Object.assign(new StaffReadSummary(), {
      unit: row.reader_unit_id ? (units.get(row.reader_unit_id) ?? null) : null,
      role: row.reader_role,
      reads: row.reads,
      firstReadAt: new Date(row.first),
      lastReadAt: new Date(row.last),
    }),
  );
}

/** The access log of a period as CSV for administrators: who, when, which thread, how. */
export async function accessLogCsv(em: EntityManager, from: Date, to: Date): Promise<string> {
  const rows = await em.getConnection().execute<
    Array<{
      at: Date;
      email: string;
      display_name: string;
      reader_role: string;
      unit: string | null;
      thread_id: string;
      operation: string;
      transport: string;
    }>
  >(
    `select l.at, u.email, u.display_name, l.reader_role, un.name as unit, l.thread_id, l.operation, l.transport
       from thread_access_log l join users u on u.id = l.reader_id left join units un on un.id = l.reader_unit_id
      where l.at >= ? and l.at < ? order by l.id`,
    [from, to],
  );
  return toCsv([
    ['Thời điểm', 'Tài khoản', 'Họ tên', 'Vai trò', 'Đơn vị', 'Luồng', 'Thao tác', 'Kênh'],
    ...rows.map((row) => [
      new Date(row.at).toISOString(),
      row.email,
      row.display_name,
      row.reader_role,
      row.unit,
      row.thread_id,
      row.operation,
      row.transport,
    ]),
  ]);
}
