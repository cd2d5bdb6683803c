import type { EntityManager } from '@mikro-orm/postgresql';
import { Field, Float, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: 'How well a unit listens, from its feedback threads: it counts in the emulation campaign.' })
export class UnitListening {
  @Field(() => Int, { description: 'Threads the unit is responsible for, posted in the period.' })
  threads!: number;

  @Field(() => Int, { description: 'Of those, answered by their answer deadline.' })
  answeredOnTime!: number;

  @Field(() => Float, { nullable: true, description: 'answeredOnTime ÷ threads; null without threads.' })
  answeredOnTimeShare!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Median hours from posting to the unit’s first reply; null when it has not replied yet.',
  })
  medianHoursToFirstReply!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: "Citizens' average rating of the answers, 1 to 5; null without ratings.",
  })
  averageRating!: number | null;

  @Field(() => Int, { description: 'How many ratings the average is made of.' })
  ratings!: number;
}

const LISTENING_SQL = `
select unit_id,
       count(*)::int as threads,
       (count(*) filter (where answered_at is not null and answered_at <= answer_due_at))::int as answered_on_time,
       percentile_cont(0.5) within group (order by extract(epoch from first_reply_at - created_at))
         filter (where first_reply_at is not null) / 3600 as median_hours,
       avg(rating)::float as average_rating,
       count(rating)::int as ratings
from threads
where unit_id in (?) and created_at >= ? and created_at < ?
group by unit_id`;

export const NO_THREADS: UnitListening = {
  threads: 0,
  answeredOnTime: 0,
  answeredOnTimeShare: null,
  medianHoursToFirstReply: null,
  averageRating: null,
  ratings: 0,
};

/** Listening figures per unit for threads posted in [from, to), computed by PostgreSQL in one query. */
export async function unitListening(
  em: EntityManager,
  unitIds: string[],
  from: Date,
  to: Date,
): Promise<Map<string, UnitListening>> {
  if (unitIds.length === 0) return new Map();
  const rows = await em.getConnection().execute<
    Array<{
      unit_id: string;
      threads: number;
      answered_on_time: number;
      median_hours: number | null;
      average_rating: number | null;
      ratings: number;
    }>
  >(LISTENING_SQL, [unitIds, from, to]);
  return new Map(
    rows.map((row) => [
      row.unit_id,
      {
        threads: row.threads,
        answeredOnTime: row.answered_on_time,
        answeredOnTimeShare: row.threads > 0 ? row.answered_on_time / row.threads : null,
        medianHoursToFirstReply: row.median_hours === null ? null : Math.round(Number(row.median_hours) * 10) / 10,
        averageRating: row.average_rating === null ? null : Math.round(row.average_rating * 100) / 100,
        ratings: row.ratings,
      },
    ]),
  );
}
