import { UniqueConstraintViolationException } from '@mikro-orm/postgresql';
import { IsOptional, IsUUID } from 'class-validator';
import { Arg, Authorized, Ctx, Field, ID, InputType, Mutation, Query, Resolver } from 'type-graphql';
import { Role } from '../accounts/role.js';
import type { Context } from '../shared/context.js';
import { BadUserInputError, ConflictError, NotFoundError } from '../shared/errors.js';
import { Category } from '../units/category.entity.js';
import { Unit } from '../units/unit.entity.js';
import { assertCurrentUnit } from '../units/unit-history.js';
import { RoutingRule } from './routing-rule.entity.js';
import { isUuid } from '../shared/ids.js';

@InputType({ description: 'A routing rule: threads of a field in a place go to a unit.' })
export class RoutingRuleInput {
  @Field(() => ID, { nullable: true, description: 'The field; omit for any field.' })
  @IsOptional()
  @IsUUID('all', { message: 'categoryId must be a category id' })
  categoryId?: string | null;

  @Field(() => ID, { nullable: true, description: 'The place (commune, village or district); omit for anywhere.' })
  @IsOptional()
  @IsUUID('all', { message: 'placeId must be a unit id' })
  placeId?: string | null;

  @Field(() => ID, { description: 'The unit that receives the threads.' })
  @IsUUID('all', { message: 'unitId must be a unit id' })
  unitId!: string;
}

const RELATIONS = ['category', 'place', 'unit'] as const;

@Resolver(() => RoutingRule)
export class RoutingResolver {
  @Authorized(Role.OFFICER, Role.MONITOR, Role.ADMIN)
  @Query(() => [RoutingRule], { description: 'Every routing rule (staff only).' })
  routingRules(@Ctx() { em }: Context): Promise<RoutingRule[]> {
    return em.find(RoutingRule, {}, { populate: [...RELATIONS], orderBy: { createdAt: 'asc', id: 'asc' } });
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => RoutingRule, {
    description: 'Administrators: add a rule; one rule per field and place (CONFLICT otherwise).',
  })
  async createRoutingRule(
    @Arg('input', () => RoutingRuleInput, { description: 'The rule.' }) input: RoutingRuleInput,
    @Ctx() { em }: Context,
  ): Promise<RoutingRule> {
    const unit = await em.findOne(Unit, input.unitId);
    if (!unit) throw new NotFoundError('Unit');
    const category = input.categoryId ? await em.findOne(Category, input.categoryId) : null;
    if (input.categoryId && !category) throw new NotFoundError('Category');
    const place = input.placeId ? await em.findOne(Unit, input.placeId) : null;
    if (input.placeId && !place) throw new NotFoundError('Place');
    assertCurrentUnit(unit, 'unitId');
    if (place) assertCurrentUnit(place, 'placeId');
    if (!category && !place && (await em.count(RoutingRule, { category: null, place: null })) > 0) {
      throw new ConflictError('There is already a catch-all rule.', 'unitId');
    }
    const rule = em.create(RoutingRule, { unit, category: category ?? undefined, place: place ?? undefined });
    try {
      await em.persistAndFlush(rule);
    } catch (error) {
      if (error instanceof UniqueConstraintViolationException) {
        throw new ConflictError('A rule for this field and place already exists.', 'placeId');
      }
      throw error;
    }
    return rule;
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => Boolean, {
    description: 'Administrators: remove a rule. Threads already routed stay where they are.',
  })
  async deleteRoutingRule(
    @Arg('id', () => ID, { description: 'The rule.' }) id: string,
    @Ctx() { em }: Context,
  ): Promise<boolean> {
    if (!isUuid(id)) throw new BadUserInputError('id must be a routing rule id', 'id');
    const rule = await em.findOne(RoutingRule, id);
    if (!rule) throw new NotFoundError('Routing rule');
    await em.removeAndFlush(rule);
    return true;
  }
}
