import { beforeAll, describe, expect, it } from 'vitest';
import { directory, post, type Directory } from '../support/dialogue.js';
import { startTestServer, type TestServer } from '../support/server.js';

interface ListeningRow {
  unit: { id: string; code: string };
  listening: {
    threads: number;
    answeredOnTime: number;
    answeredOnTimeShare: number | null;
    medianHoursToFirstReply: number | null;
    averageRating: number | null;
    ratings: number;
  };
}

const REVIEW = `query ($campaignId: ID!, $year: Int) {
  campaignReview(campaignId: $campaignId, year: $year) {
    byUnit { unit { id code } listening { threads answeredOnTime answeredOnTimeShare medianHoursToFirstReply averageRating ratings } }
    csv
  }
}`;

let server: TestServer;
let dir: Directory;
let monitor: string;
let campaignId: string;
let unit: { id: string; code: string };

/** A thread of `unit` posted at `postedAt` (Vietnam time), with its replies, answer and rating set as given. */
async function threadAt(
  postedAt: string,
  facts: { firstReplyHours?: number; answeredDays?: number; dueDays: number; rating?: number },
) {
  const citizen = await server.login('dan@nghedan.demo');
  const { id } = await post(server, dir, { token: citizen });
  const created = `timestamptz '${postedAt}+07:00'`;
  const after = (amount: number | undefined, unitName: string) =>
    amount === undefined ? 'null' : `${created} + interval '${amount} ${unitName}'`;
  await server.app.orm.em.getConnection().execute(
    `update threads set unit_id = ?, created_at = ${created}, answer_due_at = ${after(facts.dueDays, 'days')},
       first_reply_at = ${after(facts.firstReplyHours, 'hours')}, answered_at = ${after(facts.answeredDays, 'days')},
       rating = ? where id = ?`,
    [unit.id, facts.rating ?? null, id],
  );
}

beforeAll(async () => {
  server = await startTestServer();
  dir = await directory(server);
  monitor = await server.login('bdv@nghedan.demo');
  const campaigns = await server.gql<{ campaigns: Array<{ id: string; startYear: number }> }>(
    '{ campaigns { id startYear } }',
    { token: monitor },
  );
  campaignId = campaigns.data!.campaigns.find((campaign) => campaign.startYear === 2022)!.id;
  const review = await server.gql<{ campaignReview: { byUnit: ListeningRow[] } }>(REVIEW, {
    token: monitor,
    variables: { campaignId, year: 2023 },
  });
  unit = review.data!.campaignReview.byUnit[0]!.unit;

  await threadAt('2023-03-01T08:00:00', { firstReplyHours: 2, answeredDays: 1, dueDays: 3, rating: 5 });
  await threadAt('2023-04-01T08:00:00', { firstReplyHours: 4, answeredDays: 5, dueDays: 3, rating: 4 });
  await threadAt('2023-05-01T08:00:00', { dueDays: 3 });
  await threadAt('2024-01-02T08:00:00', { firstReplyHours: 1, answeredDays: 2, dueDays: 3, rating: 1 });
});

const rowOf = async (year: number | null) => {
  const review = await server.gql<{ campaignReview: { byUnit: ListeningRow[]; csv: string } }>(REVIEW, {
    token: monitor,
    variables: { campaignId, year },
  });
  const row = review.data!.campaignReview.byUnit.find((candidate) => candidate.unit.id === unit.id)!;
  return { listening: row.listening, csv: review.data!.campaignReview.csv };
};

describe('how well a unit listens, beside its models in the review', () => {
  it('counts the threads of the review year from the dialogue data', async () => {
    const { listening } = await rowOf(2023);
    expect(listening).toEqual({
      threads: 3,
      answeredOnTime: 1,
      answeredOnTimeShare: 1 / 3,
      medianHoursToFirstReply: 3,
      averageRating: 4.5,
      ratings: 2,
    });
  });

  it('covers the whole period in the final review (tổng kết)', async () => {
    const { listening } = await rowOf(null);
    expect(listening).toMatchObject({
      threads: 4,
      answeredOnTime: 2,
      medianHoursToFirstReply: 2,
      averageRating: 3.33,
      ratings: 3,
    });
  });

  it('puts the listening columns in the CSV', async () => {
    const { csv } = await rowOf(2023);
    expect(csv).toContain('Trả lời đúng hạn');
    const line = csv.split('\r\n').find((row) => row.startsWith(`${unit.code},`))!;
    expect(line.split(',').slice(-5)).toEqual(['3', '1', '3', '4.5', '2']);
  });

  it('shows units without threads as listening to nobody yet, not as failing', async () => {
    const review = await server.gql<{ campaignReview: { byUnit: ListeningRow[] } }>(REVIEW, {
      token: monitor,
      variables: { campaignId, year: 2023 },
    });
    const quiet = review.data!.campaignReview.byUnit.filter((row) => row.unit.id !== unit.id);
    expect(quiet.length).toBeGreaterThan(0);
    for (const row of quiet) {
      expect(row.listening).toEqual({
        threads: 0,
        answeredOnTime: 0,
        answeredOnTimeShare: null,
        medianHoursToFirstReply: null,
        averageRating: null,
        ratings: 0,
      });
    }
  });
});
