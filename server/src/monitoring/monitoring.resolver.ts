import { vietnamDateTime, vietnamDay } from '../shared/vietnam-time.js';
import {
  Arg,
  Authorized,
  Ctx,
  Field,
  FieldResolver,
  Int,
  ObjectType,
  Query,
  Resolver,
  Root,
  Subscription,
  registerEnumType,
  type SubscribeResolverData,
} from 'type-graphql';
import { Role } from '../accounts/role.js';
import { logStaffReads } from '../dialogue/access-log.js';
import { shownText } from '../dialogue/personal-data.js';
import { Thread } from '../dialogue/thread.entity.js';
import type { Context } from '../shared/context.js';
import { toCsv, type Cell } from '../shared/csv.js';
import { BadUserInputError, ForbiddenError } from '../shared/errors.js';
import { DashboardTicks } from './dashboard-updates.js';
import { MonitoringService } from './monitoring.service.js';
import {
  Bucket,
  FieldVolume,
  KindVolume,
  MonitoringFilter,
  PlaceVolume,
  ResponsivenessTable,
  RisingWord,
  SentimentPoint,
  VolumePoint,
} from './monitoring.type.js';

export enum Panel {
  VOLUMES = 'VOLUMES',
  FIELDS = 'FIELDS',
  PLACES = 'PLACES',
  KINDS = 'KINDS',
  SENTIMENT = 'SENTIMENT',
  NEGATIVE_THREADS = 'NEGATIVE_THREADS',
  OVERDUE = 'OVERDUE',
  RISING_WORDS = 'RISING_WORDS',
  RESPONSIVENESS = 'RESPONSIVENESS',
}
registerEnumType(Panel, {
  name: 'Panel',
  description: 'A dashboard table, for its CSV download.',
  valuesConfig: Object.fromEntries(
    Object.values(Panel).map((panel) => [
      panel,
      { description: `The ${panel.toLowerCase().replace('_', ' ')} table.` },
    ]),
  ),
});

@ObjectType({ description: 'The monitoring dashboard for one filter: every panel is a field, computed in SQL.' })
export class Dashboard {
  service!: MonitoringService;

  @Field(() => Date, { description: 'Start of the period looked at.' })
  from!: Date;

  @Field(() => Date, { description: 'End of the period looked at (exclusive).' })
  to!: Date;
}

@ObjectType({ description: 'The dashboard changed: refetch the panels.' })
export class DashboardUpdate {
  @Field(() => Date, { description: 'When the change was noticed.' })
  at!: Date;
}

const limitArg = { defaultValue: 10, description: 'How many rows, 1 to 100.' };
const checkLimit = (limit: number) => {
  if (limit < 1 || limit > 100) throw new BadUserInputError('limit must be from 1 to 100.', 'limit');
  return limit;
};
const pct = (value: number | null) => (value === null ? null : Math.round(value * 1000) / 10);
/** Vietnam calendar days and times: the screen shows Vietnam time, so the CSV does too. */
const day = (date: Date) => vietnamDay(date);
/** The threads, once their reads by staff are in the access log. */
const logged = async (ctx: Context, threads: Thread[], operation: string) => {
  await logStaffReads(ctx, threads, operation);
  return threads;
};

@Resolver(() => Dashboard)
export class MonitoringResolver {
  @Authorized(Role.MONITOR, Role.ADMIN, Role.OFFICER)
  @Query(() => Dashboard, {
    description: "Monitors and administrators: the dashboard; officers: their own unit's figures.",
  })
  monitoring(
    @Arg('filter', () => MonitoringFilter, { nullable: true, description: 'Period, field, place, unit.' })
    filter: MonitoringFilter | null,
    @Ctx() { em, viewer }: Context,
  ): Dashboard {
    const service = new MonitoringService(em, viewer!, filter ?? {});
    return Object.assign(new Dashboard(), { service, from: service.period.from, to: service.period.to });
  }

  @FieldResolver(() => [VolumePoint], { description: 'Threads over time, with the negative share.' })
  volumes(
    @Root() dashboard: Dashboard,
    @Arg('bucket', () => Bucket, { defaultValue: Bucket.DAY, description: 'Time step.' }) bucket: Bucket,
  ) {
    return dashboard.service.volumes(bucket);
  }

  @FieldResolver(() => [FieldVolume], { description: 'Threads by field, most first.' })
  byField(@Root() dashboard: Dashboard) {
    return dashboard.service.byField();
  }

  @FieldResolver(() => [PlaceVolume], { description: 'Threads by commune (villages rolled up), most first.' })
  byPlace(@Root() dashboard: Dashboard) {
    return dashboard.service.byPlace();
  }

  @FieldResolver(() => [KindVolume], { description: 'Threads by kind of post.' })
  byKind(@Root() dashboard: Dashboard) {
    return dashboard.service.byKind();
  }

  @FieldResolver(() => [SentimentPoint], { description: 'Tone of threads and citizen messages over time.' })
  sentiment(
    @Root() dashboard: Dashboard,
    @Arg('bucket', () => Bucket, { defaultValue: Bucket.DAY, description: 'Time step.' }) bucket: Bucket,
  ) {
    return dashboard.service.sentiment(bucket);
  }

  @FieldResolver(() => [Thread], { description: 'Open threads most negative in tone first.' })
  async mostNegativeOpen(
    @Root() dashboard: Dashboard,
    @Arg('limit', () => Int, limitArg) limit: number,
    @Ctx() ctx: Context,
  ) {
    return logged(ctx, await dashboard.service.mostNegativeOpen(checkLimit(limit)), 'monitoring.mostNegativeOpen');
  }

  @FieldResolver(() => [Thread], { description: 'Open threads past a deadline (overdue, escalated), most late first.' })
  async overdue(@Root() dashboard: Dashboard, @Arg('limit', () => Int, limitArg) limit: number, @Ctx() ctx: Context) {
    return logged(ctx, await dashboard.service.overdue(checkLimit(limit)), 'monitoring.overdue');
  }

  @FieldResolver(() => [RisingWord], {
    description: 'Words rising in the last 7 days of the period against the 4 weeks before.',
  })
  risingWords(@Root() dashboard: Dashboard, @Arg('limit', () => Int, limitArg) limit: number) {
    return dashboard.service.risingWords(checkLimit(limit));
  }

  @FieldResolver(() => ResponsivenessTable, { description: 'How units answer, as a league table.' })
  responsiveness(
    @Root() dashboard: Dashboard,
    @Arg('minimumSample', () => Int, { defaultValue: 5, description: 'Threads a unit needs to be ranked (1 to 1000).' })
    minimumSample: number,
  ) {
    if (minimumSample < 1 || minimumSample > 1000)
      throw new BadUserInputError('minimumSample must be from 1 to 1000.', 'minimumSample');
    return dashboard.service.responsiveness(minimumSample);
  }

  @FieldResolver(() => String, { description: 'One panel as CSV for Excel (UTF-8 with BOM).' })
  async csv(
    @Root() dashboard: Dashboard,
    @Arg('panel', () => Panel, { description: 'Which table.' }) panel: Panel,
    @Arg('bucket', () => Bucket, { defaultValue: Bucket.DAY, description: 'Time step, for series.' }) bucket: Bucket,
    @Ctx() ctx: Context,
  ): Promise<string> {
    const service = dashboard.service;
    const threadRows = async (threads: Thread[]): Promise<Cell[][]> => [
      ['Mã', 'Tiêu đề', 'Lĩnh vực', 'Địa bàn', 'Đơn vị', 'Trạng thái', 'Ngày gửi', 'Hạn trả lời'],
      ...(await Promise.all(threads.map(async (t) => [t, await shownText(ctx, t, t.title)] as const))).map(
        ([t, title]) => [
          t.id,
          title,
          t.category.name,
          t.place.name,
          t.unit.name,
          t.status,
          vietnamDateTime(t.createdAt),
          vietnamDateTime(t.answerDueAt),
        ],
      ),
    ];
    const volumeHeaders = ['Số phản ánh', 'Tiêu cực', 'Tỷ lệ tiêu cực (%)'];
    switch (panel) {
      case Panel.VOLUMES:
        return toCsv([
          ['Từ ngày', ...volumeHeaders],
          ...(await service.volumes(bucket)).map((p) => [day(p.period), p.threads, p.negative, pct(p.negativeShare)]),
        ]);
      case Panel.FIELDS:
        return toCsv([
          ['Lĩnh vực', ...volumeHeaders],
          ...(await service.byField()).map((r) => [r.category.name, r.threads, r.negative, pct(r.negativeShare)]),
        ]);
      case Panel.PLACES:
        return toCsv([
          ['Địa bàn', ...volumeHeaders],
          ...(await service.byPlace()).map((r) => [r.place.name, r.threads, r.negative, pct(r.negativeShare)]),
        ]);
      case Panel.KINDS:
        return toCsv([
          ['Loại', ...volumeHeaders],
          ...(await service.byKind()).map((r) => [r.kind, r.threads, r.negative, pct(r.negativeShare)]),
        ]);
      case Panel.SENTIMENT:
        return toCsv([
          ['Từ ngày', 'Điểm trung bình', 'Tiêu cực', 'Trung tính', 'Tích cực'],
          ...(await service.sentiment(bucket)).map((p) => [
            day(p.period),
            p.averageScore,
            p.negative,
            p.neutral,
            p.positive,
          ]),
        ]);
      case Panel.NEGATIVE_THREADS:
        return toCsv(await threadRows(await logged(ctx, await service.mostNegativeOpen(100), 'monitoring.csv')));
      case Panel.OVERDUE:
        return toCsv(await threadRows(await logged(ctx, await service.overdue(100), 'monitoring.csv')));
      case Panel.RISING_WORDS:
        return toCsv([
          ['Từ', 'Tuần này', 'Trung bình/tuần trước đó', 'Mức tăng'],
          ...(await service.risingWords(100)).map((w) => [w.word, w.thisWeek, w.weeklyBefore, w.growth]),
        ]);
      case Panel.RESPONSIVENESS: {
        const table = await service.responsiveness(5);
        return toCsv([
          [
            'Hạng',
            'Đơn vị',
            'Số phản ánh',
            'Tiếp nhận đúng hạn (%)',
            'Trả lời đúng hạn (%)',
            'Phản hồi đầu tiên, trung vị (giờ)',
            'Phản hồi đầu tiên, p90 (giờ)',
            'Giải quyết, trung vị (giờ)',
            'Giải quyết, p90 (giờ)',
            'Tỷ lệ mở lại (%)',
            'Điểm hài lòng',
            'Số lượt đánh giá',
          ],
          ...table.units.map((r) => [
            r.rank,
            r.unit.name,
            r.threads,
            pct(r.acknowledgedOnTime),
            pct(r.answeredOnTime),
            r.medianHoursToFirstReply,
            r.p90HoursToFirstReply,
            r.medianHoursToResolution,
            r.p90HoursToResolution,
            pct(r.reopenRate),
            r.averageRating,
            r.ratings,
          ]),
        ]);
      }
    }
  }

  @Subscription(() => DashboardUpdate, {
    description: 'Tells the dashboard to refetch, at most once per second whatever the event rate.',
    subscribe: ({ context }: SubscribeResolverData<unknown, Record<string, never>, Context>) => {
      const viewer = context.viewer;
      if (!viewer || ![Role.MONITOR, Role.ADMIN, Role.OFFICER].includes(viewer.role)) {
        throw new ForbiddenError('The dashboard is for monitors, administrators and officers.');
      }
      const unitId = viewer.role === Role.OFFICER ? viewer.unit?.id : undefined;
      return new DashboardTicks(context.services.bus, (notice) => !unitId || notice.unitIds.includes(unitId));
    },
  })
  dashboardUpdates(@Root() at: Date): DashboardUpdate {
    return { at };
  }
}
