import {
  defaultFieldResolver,
  getNamedType,
  isInputObjectType,
  type GraphQLField,
  type GraphQLFieldResolver,
  type GraphQLSchema,
} from 'graphql';
import type { Context } from '../shared/context.js';

const ARGUMENT = 'trackingCode';
const misses = new WeakMap<Context, number>();

/** Called where a tracking code is compared: a code that opens nothing counts as a guess. */
export function noteTrackingCodeMiss(ctx: Context): void {
  misses.set(ctx, (misses.get(ctx) ?? 0) + 1);
}

const takesTrackingCode = (field: GraphQLField<unknown, unknown>) =>
  field.args.some((arg) => {
    if (arg.name === ARGUMENT) return true;
    const type = getNamedType(arg.type);
    return isInputObjectType(type) && ARGUMENT in type.getFields();
  });

function trackingCodeIn(args: Record<string, unknown>): string | null {
  const direct = args[ARGUMENT];
  if (typeof direct === 'string' && direct !== '') return direct;
  for (const value of Object.values(args)) {
    const nested = value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[ARGUMENT] : null;
    if (typeof nested === 'string' && nested !== '') return nested;
  }
  return null;
}

/**
 * Every query, mutation and subscription that takes a tracking code (as an argument or inside its
 * input) goes through here, whatever resolver serves it, now or added later: each use counts
 * against RATE_LIMIT_TRACKING_CODE_LOOKUPS for the client address, each code that opens nothing
 * against RATE_LIMIT_TRACKING_CODE_MISSES, and an address out of either is refused before its
 * code is even compared. Codes have 80 bits; this keeps guessing and enumeration load bounded.
 */
export function limitTrackingCodes(schema: GraphQLSchema): GraphQLSchema {
  const subscription = schema.getSubscriptionType();
  for (const type of [schema.getQueryType(), schema.getMutationType(), subscription]) {
    for (const field of Object.values(type?.getFields() ?? {})) {
      if (!takesTrackingCode(field)) continue;
      const which = type === subscription ? 'subscribe' : 'resolve';
      const inner: GraphQLFieldResolver<unknown, Context> = field[which] ?? defaultFieldResolver;
      field[which] = async (source, args: Record<string, unknown>, ctx: Context, info) => {
        if (trackingCodeIn(args) === null) return inner(source, args, ctx, info);
        const { limits } = ctx.services;
        await limits.assertOpen('trackingCodeMisses', ctx.clientIp);
        await limits.consume('trackingCodeLookups', ctx.clientIp);
        const before = misses.get(ctx) ?? 0;
        try {
          return await inner(source, args, ctx, info);
        } finally {
          await limits.penalize('trackingCodeMisses', [ctx.clientIp], (misses.get(ctx) ?? 0) - before);
        }
      };
    }
  }
  return schema;
}
