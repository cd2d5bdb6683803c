import { Arg, Ctx, FieldResolver, Float, ID, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../shared/context.js';
import { BadUserInputError, NotFoundError } from '../shared/errors.js';
import { nearestOf } from './nearest-place.js';
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

  @Query(() => Unit, {
    nullable: true,
    description:
      'The commune or village nearest a map pin (among places with coordinates, within 25 km): a suggestion for the place of a post; null when none is near.',
  })
  async nearestPlace(
    @Arg('latitude', () => Float, { description: 'Latitude of the pin (WGS 84).' }) latitude: number,
    @Arg('longitude', () => Float, { description: 'Longitude of the pin (WGS 84).' }) longitude: number,
    @Ctx() { em }: Context,
  ): Promise<Unit | null> {
    if (!(latitude >= -90 && latitude <= 90))
      throw new BadUserInputError('latitude must be from -90 to 90', 'latitude');
    if (!(longitude >= -180 && longitude <= 180)) {
      throw new BadUserInputError('longitude must be from -180 to 180', 'longitude');
    }
    const withCoordinates = await em.find(Unit, { latitude: { $ne: null }, longitude: { $ne: null } });
    const places = withCoordinates.filter((unit) => unit.isPlace);
    return nearestOf(places, { latitude, longitude }, 25_000)?.item ?? null;
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
