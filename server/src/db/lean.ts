import { ReferenceKind, type EntityMetadata, type EntityName } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';

/**
 * Reading rows into the entity classes without MikroORM's unit of work: the hot reads (the thread
 * page, the board, posting's answer) send their own SQL and map each row once.
 *
 * Why not `em.find`: at the board's and the thread page's rates, query building, hydration, the
 * identity map and reference propagation were the largest part of the server's CPU per request
 * (bench:api, issue 17). These objects are read-only views: instances of the entity class (its
 * getters and GraphQL field resolvers work on them) whose values are own properties, so
 * MikroORM's tracking setters on the prototype never run. Never pass them to `em.persist` or
 * `em.flush`; load the entity with the EntityManager to change it.
 *
 * Columns are mapped by the entity's own metadata, so an added column needs no change here. A
 * relation arrives either joined, as `to_jsonb(alias) as "<property>"` (mapped recursively), or as
 * its foreign key only (a reference holding just `id`).
 */

export type Row = Record<string, unknown>;

interface ColumnPlan {
  field: string;
  name: string;
  date: boolean;
  /** bigint columns are strings in the entities; jsonb gives them as numbers. */
  text: boolean;
  target?: EntityMetadata;
}

const plans = new WeakMap<EntityMetadata, ColumnPlan[]>();

function planOf(meta: EntityMetadata): ColumnPlan[] {
  let plan = plans.get(meta);
  if (plan) return plan;
  plan = [];
  for (const prop of meta.props) {
    if (prop.persist === false || !prop.fieldNames?.length) continue;
    const relation = prop.kind === ReferenceKind.MANY_TO_ONE || (prop.kind === ReferenceKind.ONE_TO_ONE && prop.owner);
    if (prop.kind !== ReferenceKind.SCALAR && !relation) continue;
    plan.push({
      field: prop.fieldNames[0]!,
      name: prop.name,
      date: prop.runtimeType === 'Date',
      text: prop.runtimeType === 'string',
      target: relation ? prop.targetMeta : undefined,
    });
  }
  plans.set(meta, plan);
  return plan;
}

/**
 * Per entity, a prototype between the class's and the rows: it holds a writable data property for
 * every mapped column, so a plain assignment on a row object creates an own property there and
 * never reaches MikroORM's tracking setters further up (and is much cheaper than defineProperty).
 */
const shadows = new WeakMap<EntityMetadata, object>();

function shadowOf(meta: EntityMetadata): object {
  let shadow = shadows.get(meta);
  if (!shadow) {
    shadow = Object.create(meta.prototype as object) as object;
    for (const column of planOf(meta)) {
      Object.defineProperty(shadow, column.name, { value: undefined, writable: true, enumerable: false });
    }
    shadows.set(meta, shadow);
  }
  return shadow;
}

/** An instance of the entity's class holding `values` as own properties (see above). */
export function detached<T extends object>(meta: EntityMetadata<T>, values: Row): T {
  const shadow = shadowOf(meta);
  const target = Object.create(shadow) as Row;
  for (const key of Object.keys(values)) {
    if (Object.hasOwn(shadow, key)) target[key] = values[key];
    else
      Object.defineProperty(target, key, { value: values[key], writable: true, enumerable: true, configurable: true });
  }
  return target as T;
}

/**
 * What lean reads mapped, per EntityManager (one per request or live batch) and entity: like the
 * identity map, it lets a field resolver find a row the request already read (`leanLoaded`)
 * instead of querying it again.
 */
const loaded = new WeakMap<EntityManager, Map<EntityMetadata, Map<unknown, object>>>();

function remember(registry: Map<EntityMetadata, Map<unknown, object>>, meta: EntityMetadata, object: Row): void {
  let byId = registry.get(meta);
  if (!byId) registry.set(meta, (byId = new Map()));
  byId.set(object.id, object);
}

/** A full row of `entity` with this id that a lean read of this EntityManager mapped, if any. */
export function leanLoaded<T extends object>(em: EntityManager, entity: EntityName<T>, id: unknown): T | undefined {
  return loaded.get(em)?.get(em.getMetadata().get(entity))?.get(id) as T | undefined;
}

function mapRow(meta: EntityMetadata, row: Row, registry: Map<EntityMetadata, Map<unknown, object>>): object {
  const values: Row = {};
  for (const column of planOf(meta)) {
    if (column.target) {
      const joined = row[column.name];
      if (joined !== undefined) {
        values[column.name] = joined === null ? null : mapRow(column.target, joined as Row, registry);
      } else {
        const id = row[column.field];
        if (id !== undefined) values[column.name] = id === null ? null : detached(column.target, { id });
      }
      continue;
    }
    let value = row[column.field];
    if (value === undefined) continue;
    if (column.date && typeof value === 'string') value = new Date(value);
    else if (column.text && typeof value === 'number') value = String(value);
    values[column.name] = value;
  }
  const object = detached(meta, values);
  remember(registry, meta, object as Row);
  return object;
}

/** Maps rows (column names as keys, joined relations under their property names) to `entity`. */
export function mapRows<T extends object>(em: EntityManager, entity: EntityName<T>, rows: readonly Row[]): T[] {
  const meta = em.getMetadata().get(entity);
  let registry = loaded.get(em);
  if (!registry) loaded.set(em, (registry = new Map()));
  return rows.map((row) => mapRow(meta, row, registry) as T);
}

/** Runs one statement (`?` placeholders) on the EntityManager's connection and transaction. */
export function leanQuery(em: EntityManager, sql: string, params: readonly unknown[] = []): Promise<Row[]> {
  return em.getConnection().execute<Row[]>(sql, [...params], 'all', em.getTransactionContext());
}
