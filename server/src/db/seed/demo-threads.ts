// Demo feedback threads for Lâm Hà, driven through the real services (routing, events, tone), then
// moved back in time so the board, the inbox and the dashboard have weeks of history.
import { randomUUID } from 'node:crypto';
import type { MikroORM } from '@mikro-orm/postgresql';
import { User } from '../../accounts/user.entity.js';
import { FeedbackKind } from '../../dialogue/feedback-kind.js';
import { PostingService } from '../../dialogue/posting.service.js';
import { ThreadStatus } from '../../dialogue/thread-status.js';
import { ThreadService } from '../../dialogue/thread.service.js';
import type { Context, Services } from '../../shared/context.js';
import { Category } from '../../units/category.entity.js';
import { Unit } from '../../units/unit.entity.js';
import { DEMO_DOMAIN, officerEmail } from './lam-ha.js';

interface DemoThread {
  daysAgo: number;
  author: 'dan' | 'kbinh' | null;
  kind: FeedbackKind;
  category: string;
  place: string;
  title: string;
  body: string;
  isPublic?: boolean;
  /** Officer steps: a status, or a reply text. */
  steps?: Array<ThreadStatus | string>;
  rating?: [number, string];
  supporters?: Array<'dan' | 'kbinh'>;
}

const { REPORT, PETITION, COMMENT, QUESTION, INITIATIVE } = FeedbackKind;
const { ACKNOWLEDGED, IN_PROGRESS, ANSWERED, RESOLVED, CLOSED } = ThreadStatus;

const THREADS: DemoThread[] = [
  {
    daysAgo: 40,
    author: 'dan',
    kind: REPORT,
    category: 'INFRASTRUCTURE',
    place: 'LH.ML',
    title: 'Đường liên thôn xuống cấp nghiêm trọng',
    body: 'Đường từ thôn 2 đi thôn 5 ổ gà chi chít, mùa mưa xe máy té liên tục mà chưa thấy ai sửa.',
    steps: [ACKNOWLEDGED, 'Xã đã khảo sát và đưa vào kế hoạch duy tu quý này.', ANSWERED, RESOLVED],
    rating: [4, 'Đã vá ổ gà, cảm ơn xã.'],
  },
  {
    daysAgo: 35,
    author: 'kbinh',
    kind: PETITION,
    category: 'ETHNIC_LIVELIHOOD',
    place: 'LH.PT.T1',
    title: 'Đề nghị hỗ trợ giống cà phê cho đồng bào K’Ho',
    body: 'Bà con thôn Kon Pang xin hỗ trợ giống cà phê ghép để tái canh, nhiều hộ không đủ vốn mua giống.',
    steps: [
      ACKNOWLEDGED,
      IN_PROGRESS,
      'Phòng Dân tộc đã lập danh sách 32 hộ, dự kiến cấp giống vào tháng sau.',
      ANSWERED,
    ],
    supporters: ['dan'],
  },
  {
    daysAgo: 30,
    author: null,
    kind: REPORT,
    category: 'SECURITY',
    place: 'LH.NB',
    title: 'Nhóm thanh niên chạy xe nẹt pô ban đêm',
    body: 'Tối nào cũng có nhóm thanh niên chạy xe độ nẹt pô ầm ầm, người già và trẻ nhỏ không ngủ được.',
    isPublic: false,
    steps: [
      ACKNOWLEDGED,
      'Công an thị trấn đã tăng cường tuần tra từ 22 giờ đến 1 giờ sáng.',
      ANSWERED,
      RESOLVED,
      CLOSED,
    ],
  },
  {
    daysAgo: 26,
    author: 'dan',
    kind: QUESTION,
    category: 'ADMIN_PROCEDURE',
    place: 'LH.DV',
    title: 'Thủ tục cấp đổi giấy chứng nhận quyền sử dụng đất',
    body: 'Cho tôi hỏi thủ tục cấp đổi giấy chứng nhận quyền sử dụng đất từ mẫu cũ sang mẫu mới cần những giấy tờ gì ạ?',
    steps: [
      ACKNOWLEDGED,
      'Ông/bà mang theo giấy chứng nhận cũ, căn cước công dân và đơn đề nghị theo mẫu tại bộ phận một cửa.',
      ANSWERED,
      RESOLVED,
    ],
    rating: [5, 'Hướng dẫn rõ ràng, rất hài lòng.'],
  },
  {
    daysAgo: 21,
    author: 'kbinh',
    kind: INITIATIVE,
    category: 'NEW_RURAL',
    place: 'LH.TH',
    title: 'Sáng kiến hiến đất mở rộng đường thôn',
    body: 'Bà con thôn Liên Trung đồng lòng hiến đất, góp ngày công để mở rộng đường thôn, đề nghị xã hỗ trợ xi măng.',
    steps: [ACKNOWLEDGED, 'Xã hoan nghênh sáng kiến và sẽ hỗ trợ 50 tấn xi măng.', ANSWERED],
    supporters: ['dan'],
  },
  {
    daysAgo: 18,
    author: 'dan',
    kind: REPORT,
    category: 'ENVIRONMENT',
    place: 'LH.PS',
    title: 'Trại heo xả nước thải ra suối',
    body: 'Trại heo đầu thôn xả nước thải ra suối, mùi hôi thối, bà con rất bức xúc mà phản ánh nhiều lần chưa được giải quyết.',
    steps: [ACKNOWLEDGED, IN_PROGRESS, 'Phòng TN&MT đã lập đoàn kiểm tra, lấy mẫu nước.'],
  },
  {
    daysAgo: 14,
    author: null,
    kind: REPORT,
    category: 'CORRUPTION',
    place: 'LH.GL',
    title: 'Công trình đường bê tông mới làm đã bong tróc',
    body: 'Đường bê tông thôn 6 mới làm chưa được một năm đã bong tróc, nứt toác, đề nghị kiểm tra có rút ruột công trình không.',
    isPublic: false,
    steps: [ACKNOWLEDGED],
  },
  {
    daysAgo: 12,
    author: 'kbinh',
    kind: COMMENT,
    category: 'SOCIAL_POLICY',
    place: 'LH.DD',
    title: 'Góp ý bình xét hộ nghèo công khai',
    body: 'Tôi rất hoan nghênh việc xã công khai danh sách hộ nghèo tại nhà văn hóa, minh bạch thế này dân mới tin.',
    steps: [ACKNOWLEDGED, 'Cảm ơn bà con đã góp ý, xã sẽ tiếp tục công khai.', ANSWERED, RESOLVED],
    rating: [5, 'Cảm ơn xã.'],
  },
  {
    daysAgo: 9,
    author: 'dan',
    kind: REPORT,
    category: 'INFRASTRUCTURE',
    place: 'LH.NB.T1',
    title: 'Đèn đường trục chính không sáng',
    body: 'Đèn đường trục chính lắp xong mà chưa bao giờ thấy sáng, buổi tối đi lại rất nguy hiểm.',
  },
  {
    daysAgo: 6,
    author: 'kbinh',
    kind: REPORT,
    category: 'LAND',
    place: 'LH.TV',
    title: 'Chậm chi trả tiền đền bù giải phóng mặt bằng',
    body: 'Đã bàn giao mặt bằng sáu tháng mà chưa nhận được tiền đền bù, nhiều hộ lâm vào cảnh khó khăn.',
  },
  {
    daysAgo: 4,
    author: 'dan',
    kind: QUESTION,
    category: 'EDUCATION_HEALTH',
    place: 'LH.DTH',
    title: 'Thẻ bảo hiểm y tế cho người trên 75 tuổi',
    body: 'Xin hỏi người từ đủ 75 tuổi trở lên có được cấp thẻ bảo hiểm y tế miễn phí không, cần làm thủ tục gì?',
    steps: [ACKNOWLEDGED],
  },
  {
    daysAgo: 2,
    author: null,
    kind: REPORT,
    category: 'INFRASTRUCTURE',
    place: 'LH.TH.T2',
    title: 'Cầu treo gãy ván',
    body: 'Cầu treo qua suối gãy mấy tấm ván, học sinh đi lại rất nguy hiểm, đề nghị sửa gấp.',
  },
  {
    daysAgo: 1,
    author: 'kbinh',
    kind: REPORT,
    category: 'INFRASTRUCTURE',
    place: 'LH.TH',
    title: 'Cầu treo xuống cấp',
    body: 'Cầu treo thôn Liên Trung ván mục, dây cáp rỉ sét, bà con lo lắng mỗi khi đi qua.',
  },
  {
    daysAgo: 0,
    author: 'dan',
    kind: PETITION,
    category: 'AGRICULTURE',
    place: 'LH.HD',
    title: 'Đề nghị tập huấn phòng bệnh cho cây sầu riêng',
    body: 'Đề nghị phòng Nông nghiệp mở lớp tập huấn phòng bệnh nứt thân xì mủ cho bà con trồng sầu riêng.',
    supporters: ['kbinh'],
  },
];

export async function seedDemoThreads(orm: MikroORM, services: Services): Promise<number> {
  const em = orm.em.fork();
  const users = new Map(
    (await em.find(User, { email: { $like: `%@${DEMO_DOMAIN}` } }, { populate: ['unit'] })).map((u) => [u.email, u]),
  );
  const citizen = (name: 'dan' | 'kbinh') => users.get(`${name}@${DEMO_DOMAIN}`)!;
  const categories = new Map((await em.find(Category, {})).map((c) => [c.code, c.id]));
  const places = new Map((await em.find(Unit, {})).map((u) => [u.code, u]));
  const contextFor = (viewer: User | null): Context => ({
    em: orm.em.fork(),
    viewer,
    requestId: 'demo-seed',
    clientIp: '127.0.0.1',
    log: services.log,
    services,
    grants: new Set(),
  });

  for (const demo of THREADS) {
    const author = demo.author ? citizen(demo.author) : null;
    const posted = await new PostingService(orm.em.fork(), services).post(
      {
        kind: demo.kind,
        title: demo.title,
        body: demo.body,
        categoryId: categories.get(demo.category)!,
        placeId: places.get(demo.place)!.id,
        isPublic: demo.isPublic ?? true,
        anonymous: author === null,
        idempotencyKey: randomUUID(),
      },
      author,
    );
    const threadId = posted.thread.id;
    const officer = users.get(officerEmail(posted.thread.unit.code))!;
    for (const step of demo.steps ?? []) {
      const service = new ThreadService(contextFor(officer));
      if (Object.values(ThreadStatus).includes(step as ThreadStatus)) {
        await service.changeStatus({ threadId, status: step as ThreadStatus });
      } else {
        await service.reply({ threadId, body: step, internal: false });
      }
    }
    for (const supporter of demo.supporters ?? [])
      await new ThreadService(contextFor(citizen(supporter))).support(threadId);
    if (demo.rating && author) {
      await new ThreadService(contextFor(author)).rate({ threadId, score: demo.rating[0], comment: demo.rating[1] });
    }
    // Move the whole thread back in time; later steps stay a few hours apart.
    const shift = `interval '${demo.daysAgo} days'`;
    const connection = orm.em.getConnection();
    await connection.execute(
      `update threads set created_at = created_at - ${shift}, updated_at = updated_at - ${shift},
         acknowledge_due_at = acknowledge_due_at - ${shift}, answer_due_at = answer_due_at - ${shift},
         acknowledged_at = acknowledged_at - ${shift} + interval '2 hours', first_reply_at = first_reply_at - ${shift} + interval '5 hours',
         answered_at = answered_at - ${shift} + interval '1 day', resolved_at = resolved_at - ${shift} + interval '2 days'
       where id = ?`,
      [threadId],
    );
    await connection.execute(
      `update messages set created_at = created_at - ${shift} + interval '5 hours' where thread_id = ?`,
      [threadId],
    );
    await connection.execute(`update thread_events set created_at = created_at - ${shift} where thread_id = ?`, [
      threadId,
    ]);
  }
  return THREADS.length;
}
