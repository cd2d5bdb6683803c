// Synthetic threads in the product's own tables, for the benches (bench:monitoring, bench:api) and
// the plan test: spread over the past year, every unit, field, kind and status, 3 in 4 public.
// Written in SQL (generate_series) because a million rows through the ORM would take an hour.
import type { Connection } from '@mikro-orm/core';
import { foldVietnamese } from '../../shared/text.js';

type Sql = Pick<Connection, 'execute'>;

const WORDS = [
  'đường',
  'sạt lở',
  'đền bù',
  'ổ gà',
  'nước thải',
  'điện',
  'cầu treo',
  'hộ nghèo',
  'sổ đỏ',
  'rác',
  'trộm',
  'bảo hiểm',
];

/**
 * Inserts threads number `from` to `to` (inclusive; the same number always gives the same
 * thread but a new id), each with its POSTED event, so thread_events grows with threads as it does
 * in the product. Needs the demo units and categories (seedDemoData).
 */
export async function insertThreads(sql: Sql, from: number, to: number): Promise<void> {
  await sql.execute(
    `with inserted as (
      insert into threads (id, kind, title, body, category_id, place_id, unit_id, author_name, is_public, status,
        acknowledge_due_at, answer_due_at, acknowledged_at, first_reply_at, answered_at, resolved_at, support_count,
        rating, search_text, keywords, tone, tone_score, created_at, updated_at)
     select gen_random_uuid(), (array['REPORT','PETITION','COMMENT','QUESTION','INITIATIVE'])[1 + (i % 5)],
        'Phản ánh ' || i, 'Nội dung phản ánh số ' || i || ' về ' || w.words[1 + i % 12], c.ids[1 + (i % array_length(c.ids, 1))],
        p.ids[1 + ((i / 7) % array_length(p.ids, 1))], u.ids[1 + ((i / 3) % array_length(u.ids, 1))], 'Người dân', i % 4 <> 0,
        (array['ROUTED','ACKNOWLEDGED','IN_PROGRESS','ANSWERED','RESOLVED','CLOSED'])[1 + (i % 6)],
        t.at + interval '1 day', t.at + interval '3 days',
        case when i % 6 > 0 then t.at + (i % 40) * interval '1 hour' end,
        case when i % 6 > 1 then t.at + (i % 70) * interval '1 hour' end,
        case when i % 6 > 2 then t.at + (i % 100) * interval '1 hour' end,
        case when i % 6 > 3 then t.at + (i % 200) * interval '1 hour' end,
        i % 9, case when i % 6 > 3 then 1 + i % 5 end,
        'phan anh ' || i || ' noi dung phan anh so ' || i || ' ' || w.folded[1 + i % 12],
        array[w.words[1 + i % 12], w.words[1 + (i / 12) % 12]],
        (array['NEGATIVE','NEUTRAL','POSITIVE'])[1 + (i % 3)], ((i % 200) - 100) / 100.0, t.at, t.at
     from generate_series(?::int, ?::int) as i
     cross join lateral (select now() - (i % 525600) * interval '1 minute' - interval '1 hour' as at) t
     cross join (select array_agg(id order by code) ids from categories) c
     cross join (select array_agg(id order by code) ids from units where kind = 'GOVERNMENT' and level <> 'DISTRICT') p
     cross join (select array_agg(id order by code) ids from units) u
     cross join (select string_to_array(?, '|') as words, string_to_array(?, '|') as folded) w
     returning id, created_at
    )
    insert into thread_events (type, thread_id, actor_name, internal, created_at)
    select 'POSTED', id, 'Người dân', false, created_at from inserted order by created_at`,
    [from, to, WORDS.join('|'), WORDS.map(foldVietnamese).join('|')],
  );
}

/** Inserts all `total` threads in batches, calling `progress(done)` after each. */
export async function generateThreads(
  sql: Sql,
  total: number,
  progress: (done: number) => void = () => undefined,
  batch = 50_000,
): Promise<void> {
  for (let from = 1; from <= total; from += batch) {
    const to = Math.min(total, from + batch - 1);
    await insertThreads(sql, from, to);
    progress(to);
  }
}
