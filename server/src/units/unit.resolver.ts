import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../shared/context.js';
import { NotFoundError } from '../shared/errors.js';
import { Category } from './category.entity.js';
import { Unit } from './unit.entity.js';
import { isUuid } from '../shared/ids.js';

@Resolver(() => Unit)
export class UnitResolver {
  @Query(() => [Unit], {
    description: 'Every unit, by code (codes nest: "LH.NB" is under "LH").',
  })
  units(@Ctx() { em }: Context): Promise<Unit[]> {
    return em.find(Unit, {}, { orderBy: { code: 'asc' } });
  }

  @Query(() => Unit, {
    description: 'One unit by id; NOT_FOUND when there is none.',
  })
  async unit(
    @Arg('id', () => ID, { description: 'Id of the unit.' }) id: string,
    @Ctx() { em }: Context,
  ): Promise<Unit> {
    const unit = isUuid(id) ? await em.findOne(Unit, id) : null;
    if (!unit) throw new NotFoundError('Unit');
    return unit;
  }

  @Query(() => [Category], {
    description: 'Every field (category) of feedback, by name.',
  })
  categories(@Ctx() { em }: Context): Promise<Category[]> {
    return em.find(Category, {}, { orderBy: { name: 'asc' } });
  }

  @FieldResolver(() => Unit, {
    nullable: true,
    description: 'The unit above this one; null for the root.',
  })
  parent(@Root() unit: Unit, @Ctx() { em }: Context): Promise<Unit | null> | null {
    // Found in the identity map when the units were loaded together: no query per unit.
    return unit.parent ? em.findOne(Unit, unit.parent.id) : null;
  }
}
