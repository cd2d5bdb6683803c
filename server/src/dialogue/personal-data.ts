import type { FilterQuery } from '@mikro-orm/core';
import { Role } from '../accounts/role.js';
import type { User } from '../accounts/user.entity.js';
import type { Context } from '../shared/context.js';
import { containsPersonalData, maskPersonalData } from '../shared/personal-data.js';
import { foldVietnamese } from '../shared/text.js';
import { readsPersonalData } from './thread-access.js';
import { Thread } from './thread.entity.js';
import { accessFor } from './thread.service.js';

/** Whether this context shows the thread's texts as written (see `readsPersonalData`). */
export function seesPersonalData(ctx: Context, thread: Thread): boolean {
  return ctx.showPersonalData === true || readsPersonalData(accessFor(ctx, thread));
}

/**
 * A text of a thread (its title, body, a message, a reason) as this context may read it: as
 * written, or with personal data masked. A context without viewer, tracking code or
 * `showPersonalData` (the live hub's audiences) always gets the masked text, without a query.
 */
export async function shownText(ctx: Context, thread: Thread, text: string): Promise<string>;
export async function shownText(ctx: Context, thread: Thread, text: string | null): Promise<string | null>;
export async function shownText(ctx: Context, thread: Thread, text: string | null): Promise<string | null> {
  if (text === null || !containsPersonalData(text)) return text;
  if (ctx.showPersonalData) return text;
  if (!ctx.viewer && !ctx.grants.has(thread.id)) return maskPersonalData(text);
  // A reference holds only the id (MikroORM's, or a lean row's foreign key: db/lean.ts).
  const loaded = typeof thread.isPublic === 'boolean' ? thread : await ctx.em.findOneOrFail(Thread, thread.id);
  return seesPersonalData(ctx, loaded) ? text : maskPersonalData(text);
}

/** Title and body folded for search as everyone without rights reads them: personal data masked. */
export const publicSearchTextOf = (title: string, body: string) => foldVietnamese(maskPersonalData(`${title} ${body}`));

/**
 * The threads whose texts a viewer reads as written, as a query condition: the SQL twin of
 * `readsPersonalData` for searches ('ALL' and 'NONE' spare the database a condition).
 */
export function personalDataThreads(viewer: User | null): FilterQuery<Thread> | 'ALL' | 'NONE' {
  if (!viewer) return 'NONE';
  if (viewer.role === Role.ADMIN || viewer.role === Role.MONITOR) return 'ALL';
  const own: FilterQuery<Thread>[] = [{ author: viewer.id }];
  if (viewer.role === Role.OFFICER && viewer.unit) own.push({ unit: viewer.unit.id }, { escalatedTo: viewer.unit.id });
  return { $or: own };
}

/**
 * One search word as a condition: in the text as written where the viewer may read it so, else
 * in the masked copy — so nobody finds a thread by a phone number they are not shown.
 */
export function searchWordCondition(viewer: User | null, like: string): FilterQuery<Thread> {
  const rights = personalDataThreads(viewer);
  if (rights === 'ALL') return { searchText: { $like: like } };
  if (rights === 'NONE') return { publicSearchText: { $like: like } };
  return { $or: [{ publicSearchText: { $like: like } }, { $and: [rights, { searchText: { $like: like } }] }] };
}
