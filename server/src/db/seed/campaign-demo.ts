// Demo data for the "Dân vận khéo" campaign in Lâm Hà (../shared/DOMAIN.md, the seed article of
// 15/03/2024). Only records are written here; the review figures come from the review query.
import type { EntityManager } from '@mikro-orm/postgresql';
import type { User } from '../../accounts/user.entity.js';
import {
  Beneficiary,
  CommendationIssuer,
  ModelField,
  RecipientKind,
  TargetProgramme,
  WorkKind,
  WorkMeasure,
} from '../../campaign/campaign.enums.js';
import { Campaign } from '../../campaign/campaign.entity.js';
import { Commendation } from '../../campaign/commendation.entity.js';
import { CampaignModel, ModelStep } from '../../campaign/model.entity.js';
import { ModelAction, ModelStatus } from '../../campaign/model-status.js';
import { ProgressReport, WorkItem } from '../../campaign/report.entity.js';
import { Replication } from '../../campaign/replication.entity.js';
import { vietnamInstant } from '../../shared/vietnam-time.js';
import type { Unit } from '../../units/unit.entity.js';
import { officerEmail } from './lam-ha.js';

const { ECONOMY: E, CULTURE_SOCIETY: C, DEFENCE_SECURITY: D, PARTY_GOVERNMENT_BUILDING: P } = ModelField;
const { NEW_RURAL: NR, POVERTY_REDUCTION: PR, ETHNIC_MOUNTAINOUS: EM } = TargetProgramme;
const B = Beneficiary;
const W = WorkKind;
const M = WorkMeasure;

type Work = [WorkKind, number, WorkMeasure, string?];

interface ModelSeed {
  key?: string;
  unit: string;
  field: ModelField;
  title: string;
  programmes: TargetProgramme[];
  beneficiaries: Beneficiary[];
  /** Resources mobilised, in đồng. */
  vnd: bigint;
  works?: Work[];
  outcome?: ModelStatus;
  score?: number;
}

const m = (
  unit: string,
  field: ModelField,
  title: string,
  programmes: TargetProgramme[],
  beneficiaries: Beneficiary[],
  vnd: bigint,
  works: Work[] = [],
  extra: Partial<ModelSeed> = {},
): ModelSeed => ({ unit, field, title, programmes, beneficiaries, vnd, works, ...extra });

const NOT_RECOGNISED = { outcome: ModelStatus.NOT_RECOGNISED, score: 58 };

/** The 2023 round: every model appraised and decided at the year's end. */
const models2023: ModelSeed[] = [
  m(
    'LH.PN',
    C,
    'Mái ấm tình thương cho phụ nữ nghèo',
    [PR],
    [B.POOR_HOUSEHOLDS],
    240_000_000n,
    [[W.HOUSE, 3, M.HOUSE]],
    { key: 'pn-house' },
  ),
  m(
    'LH.PN',
    E,
    'Phụ nữ Lâm Hà giúp nhau phát triển kinh tế hộ gia đình',
    [PR, NR],
    [B.POOR_HOUSEHOLDS, B.STRUGGLING_HOUSEHOLDS],
    96_500_000n,
    [[W.LIVELIHOOD_SUPPORT, 24, M.HOUSEHOLD, 'vốn vay không lãi, cây giống']],
  ),
  m(
    'LH.DTN',
    C,
    'Thắp sáng đường quê',
    [NR],
    [B.RESIDENTS],
    118_000_000n,
    [
      [W.LIGHTED_ROAD, 3_200, M.METRE],
      [W.LIGHTED_ROAD, 160, M.LAMP, 'bóng đèn năng lượng mặt trời'],
    ],
    { key: 'dtn-light' },
  ),
  m('LH.DTN', C, 'Nâng bước em đến trường', [PR], [B.POOR_STUDENTS, B.ORPHANS], 64_000_000n, [
    [W.SCHOLARSHIP, 80, M.SCHOLARSHIP],
  ]),
  m('LH.HND', E, 'Nông dân chung sức xây dựng nông thôn mới nâng cao', [NR], [B.RESIDENTS], 152_000_000n, [
    [W.ROAD, 850, M.METRE, 'đường bê tông nội đồng'],
  ]),
  m(
    'LH.HND',
    E,
    'Hỗ trợ bò giống cho hội viên nông dân nghèo',
    [PR, EM],
    [B.POOR_HOUSEHOLDS, B.ETHNIC_MINORITY_HOUSEHOLDS],
    135_000_000n,
    [[W.LIVELIHOOD_SUPPORT, 9, M.HOUSEHOLD, 'bò giống sinh sản']],
  ),
  m('LH.CCB', D, 'Cựu chiến binh giúp nhau giảm nghèo', [PR], [B.POOR_HOUSEHOLDS, B.POLICY_FAMILIES], 88_000_000n, [
    [W.LIVELIHOOD_SUPPORT, 11, M.HOUSEHOLD],
  ]),
  m('LH.LDLD', C, 'Mái ấm Công đoàn', [PR], [B.STRUGGLING_HOUSEHOLDS], 150_000_000n, [[W.HOUSE, 3, M.HOUSE]]),
  m(
    'LH.MTTQ',
    C,
    'Nhà đại đoàn kết cho hộ nghèo',
    [PR, EM],
    [B.POOR_HOUSEHOLDS, B.ETHNIC_MINORITY_HOUSEHOLDS],
    420_000_000n,
    [[W.HOUSE, 7, M.HOUSE, 'nhà đại đoàn kết']],
    { key: 'mttq-house' },
  ),
  m('LH.CA', D, 'Đơn vị dân vận tốt', [], [B.RESIDENTS, B.POLICY_FAMILIES], 45_000_000n, [[W.GIFT, 150, M.GIFT]]),
  m('LH.QS', D, 'Đơn vị dân vận tốt - Dân quân giúp dân', [NR], [B.POLICY_FAMILIES, B.ELDERLY], 38_000_000n, [
    [W.HOUSE, 1, M.HOUSE, 'sửa chữa nhà gia đình chính sách'],
  ]),
  m('LH.TCD', P, 'Chính quyền thân thiện vì Nhân dân phục vụ - Tiếp công dân tận tình', [], [B.RESIDENTS], 0n),
  m('LH.LDTBXH', C, 'Chung tay chăm lo trẻ em mồ côi', [PR], [B.ORPHANS], 72_000_000n, [
    [W.SCHOLARSHIP, 36, M.SCHOLARSHIP],
  ]),
  m('LH.GD', C, 'Tiếp sức học sinh nghèo vượt khó', [PR, EM], [B.POOR_STUDENTS], 95_000_000n, [
    [W.SCHOLARSHIP, 190, M.SCHOLARSHIP],
  ]),
  m(
    'LH.YT',
    C,
    'Khám bệnh, cấp thuốc miễn phí cho người cao tuổi',
    [EM],
    [B.ELDERLY, B.ETHNIC_MINORITY_HOUSEHOLDS],
    41_000_000n,
    [[W.OTHER, 620, M.PERSON, 'lượt khám, cấp thuốc']],
  ),
  m(
    'LH.DANTOC',
    E,
    'Hỗ trợ sinh kế đồng bào dân tộc thiểu số thoát nghèo',
    [EM, PR],
    [B.ETHNIC_MINORITY_HOUSEHOLDS, B.POOR_HOUSEHOLDS],
    130_000_000n,
    [[W.LIVELIHOOD_SUPPORT, 20, M.HOUSEHOLD]],
  ),
  m(
    'LH.NN',
    E,
    'Chuyển giao kỹ thuật tái canh cà phê cho đồng bào dân tộc thiểu số',
    [EM],
    [B.ETHNIC_MINORITY_HOUSEHOLDS],
    54_000_000n,
    [[W.LIVELIHOOD_SUPPORT, 40, M.HOUSEHOLD]],
  ),
  m('LH.KTHT', E, 'Vận động Nhân dân hiến đất mở rộng đường giao thông', [NR], [B.RESIDENTS], 210_000_000n, [
    [W.LAND_DONATION, 3_400, M.SQUARE_METRE],
    [W.ROAD, 1_200, M.METRE],
  ]),
  m('LH.TNMT', P, 'Dân vận khéo trong bồi thường, giải phóng mặt bằng', [NR], [B.RESIDENTS], 0n, [
    [W.LAND_DONATION, 1_500, M.SQUARE_METRE],
  ]),
  m('LH.NV', P, 'Chính quyền thân thiện vì Nhân dân phục vụ - Cải cách thủ tục hành chính', [], [B.RESIDENTS], 0n),
  m('LH.DV', P, 'Chính quyền thân thiện vì Nhân dân phục vụ', [NR], [B.RESIDENTS], 25_000_000n),
  m(
    'LH.DV.MTTQ',
    C,
    'Tuyến đường sáng - xanh - sạch - đẹp - an toàn',
    [NR],
    [B.RESIDENTS],
    136_000_000n,
    [
      [W.LIGHTED_ROAD, 2_100, M.METRE],
      [W.LIGHTED_ROAD, 95, M.LAMP],
    ],
    { key: 'dv-road' },
  ),
  m('LH.NB', E, 'Ngày chủ nhật vì cộng đồng', [NR], [B.RESIDENTS], 82_000_000n, [[W.ROAD, 600, M.METRE]]),
  m('LH.NB.CA', D, 'An toàn về an ninh, trật tự - Tổ dân phố Đông Anh 2', [], [B.RESIDENTS], 18_000_000n, [
    [W.LIGHTED_ROAD, 40, M.LAMP],
  ]),
  m(
    'LH.DD',
    E,
    'Bê tông hóa đường giao thông nông thôn',
    [NR, EM],
    [B.RESIDENTS, B.ETHNIC_MINORITY_HOUSEHOLDS],
    265_000_000n,
    [[W.ROAD, 1_450, M.METRE]],
    { key: 'dd-road' },
  ),
  m('LH.DP', C, 'Chung tay xây dựng nhà sinh hoạt cộng đồng thôn', [NR], [B.RESIDENTS], 180_000_000n, [
    [W.COMMUNITY_HOUSE, 1, M.WORK],
  ]),
  m('LH.DTH', E, 'Hỗ trợ hộ nghèo phát triển chăn nuôi', [PR], [B.POOR_HOUSEHOLDS], 76_000_000n, [
    [W.LIVELIHOOD_SUPPORT, 15, M.HOUSEHOLD],
  ]),
  m(
    'LH.GL',
    C,
    'Xây dựng nhà tình thương cho hộ khó khăn',
    [PR],
    [B.STRUGGLING_HOUSEHOLDS, B.POLICY_FAMILIES],
    160_000_000n,
    [[W.HOUSE, 2, M.HOUSE]],
  ),
  m('LH.HD', E, 'Vận động Nhân dân làm đường giao thông nội đồng', [NR], [B.RESIDENTS], 190_000_000n, [
    [W.ROAD, 1_800, M.METRE],
  ]),
  m('LH.LHA', C, 'Tuyến đường hoa kiểu mẫu', [NR], [B.RESIDENTS], 47_000_000n, [[W.LIGHTED_ROAD, 1_500, M.METRE]]),
  m(
    'LH.ML',
    E,
    'Đồng hành cùng đồng bào dân tộc thiểu số phát triển kinh tế',
    [EM, PR],
    [B.ETHNIC_MINORITY_HOUSEHOLDS],
    98_000_000n,
    [[W.LIVELIHOOD_SUPPORT, 18, M.HOUSEHOLD]],
  ),
  m('LH.NH', C, 'Quỹ khuyến học cho học sinh nghèo', [PR], [B.POOR_STUDENTS], 58_000_000n, [
    [W.SCHOLARSHIP, 110, M.SCHOLARSHIP],
  ]),
  m(
    'LH.PT',
    E,
    "Hỗ trợ sinh kế cho đồng bào K'Ho thôn Kon Pang",
    [EM, PR],
    [B.ETHNIC_MINORITY_HOUSEHOLDS, B.POOR_HOUSEHOLDS],
    115_000_000n,
    [[W.LIVELIHOOD_SUPPORT, 22, M.HOUSEHOLD]],
  ),
  m(
    'LH.PT.CA',
    D,
    'An toàn về an ninh, trật tự - Camera an ninh thôn',
    [],
    [B.RESIDENTS],
    62_000_000n,
    [[W.OTHER, 24, M.WORK, 'camera an ninh']],
    { key: 'pt-camera' },
  ),
  m('LH.PS', E, 'Đường giao thông liên thôn', [NR], [B.RESIDENTS], 225_000_000n, [[W.ROAD, 1_100, M.METRE]]),
  m('LH.PTH', C, 'Sửa chữa nhà cho người cao tuổi neo đơn', [PR], [B.ELDERLY], 54_000_000n, [[W.HOUSE, 3, M.HOUSE]]),
  m('LH.TH', E, 'Vận động đồng bào chuyển đổi cây trồng', [EM, NR], [B.ETHNIC_MINORITY_HOUSEHOLDS], 67_000_000n, [
    [W.LIVELIHOOD_SUPPORT, 30, M.HOUSEHOLD],
  ]),
  m('LH.TH.DU', P, 'Đảng viên gần dân, sát dân', [], [B.RESIDENTS], 0n),
  m('LH.TT', C, 'Mỗi tổ chức, cá nhân nhận đỡ đầu một trẻ em mồ côi', [PR], [B.ORPHANS], 44_000_000n, [
    [W.SCHOLARSHIP, 22, M.SCHOLARSHIP],
  ]),
  m('LH.TV', E, 'Chung tay xây dựng đường giao thông nông thôn', [NR], [B.RESIDENTS], 170_000_000n, [
    [W.ROAD, 900, M.METRE],
  ]),
  m('LH.TV.MTTQ', C, 'Tết ấm cho hộ nghèo', [PR], [B.POOR_HOUSEHOLDS], 35_000_000n, [[W.GIFT, 350, M.GIFT]]),
  m('LH.ML.MTTQ', C, 'Chung tay vì người nghèo', [PR], [B.POOR_HOUSEHOLDS, B.PEOPLE_WITH_DISABILITIES], 110_000_000n, [
    [W.GIFT, 400, M.GIFT],
    [W.HOUSE, 1, M.HOUSE],
  ]),
  m(
    'LH.GL.CA',
    D,
    'Vận động toàn dân tham gia phòng ngừa, tố giác tội phạm',
    [],
    [B.RESIDENTS],
    12_000_000n,
    [],
    NOT_RECOGNISED,
  ),
  m('LH.PS.DU', P, 'Chi bộ thôn với Nhân dân', [], [B.RESIDENTS], 0n, [], NOT_RECOGNISED),
];

/** The 2024 round, still open: the appraisal queue of the demo. */
const models2024: ModelSeed[] = [
  m('LH.NB', P, 'Chính quyền thân thiện vì Nhân dân phục vụ - Một cửa liên thông', [], [B.RESIDENTS], 0n, [], {
    outcome: ModelStatus.REGISTERED,
  }),
  m('LH.DV.CA', D, 'An toàn về an ninh, trật tự - Tổ dân phố Lâm Bô', [], [B.RESIDENTS], 0n, [], {
    outcome: ModelStatus.REGISTERED,
  }),
  m(
    'LH.HND',
    E,
    'Liên kết sản xuất cà phê bền vững',
    [NR, EM],
    [B.ETHNIC_MINORITY_HOUSEHOLDS],
    45_000_000n,
    [[W.LIVELIHOOD_SUPPORT, 12, M.HOUSEHOLD]],
    { outcome: ModelStatus.UNDER_APPRAISAL, score: 86 },
  ),
  m('LH.PN', C, 'Phụ nữ chung tay xây dựng gia đình 5 không 3 sạch', [NR], [B.RESIDENTS], 0n, [], {
    outcome: ModelStatus.UNDER_APPRAISAL,
  }),
  m('LH.DTN', E, 'Thanh niên khởi nghiệp', [], [B.RESIDENTS], 0n, [], { outcome: ModelStatus.WITHDRAWN }),
];

const RECOGNITION = { number: '1542-QĐ/HU', date: '2023-12-20' };

const commendations2023 = [
  {
    issuer: 'DISTRICT',
    unit: 'LH.PN',
    model: 'pn-house',
    citation: 'Tập thể tiêu biểu trong phong trào thi đua "Dân vận khéo" năm 2023',
  },
  {
    issuer: 'DISTRICT',
    unit: 'LH.DD',
    model: 'dd-road',
    citation: 'Tập thể tiêu biểu trong phong trào thi đua "Dân vận khéo" năm 2023',
  },
  {
    issuer: 'DISTRICT',
    unit: 'LH.PT.CA',
    model: 'pt-camera',
    citation: 'Tập thể tiêu biểu trong phong trào thi đua "Dân vận khéo" năm 2023',
  },
  {
    issuer: 'DISTRICT',
    person: 'Nguyễn Thị Lan',
    unit: 'LH.PN',
    citation: 'Cá nhân tiêu biểu: vận động xây dựng 3 mái ấm tình thương',
  },
  {
    issuer: 'DISTRICT',
    person: "K'Brel",
    unit: 'LH.PT',
    citation: "Người có uy tín thôn Kon Pang, vận động đồng bào K'Ho thoát nghèo",
  },
  {
    issuer: 'DISTRICT',
    person: 'Trần Văn Hùng',
    unit: 'LH.HND',
    citation: 'Cá nhân tiêu biểu: vận động hội viên hiến đất làm đường',
  },
  {
    issuer: 'DISTRICT',
    person: 'Phạm Thị Thu',
    unit: 'LH.DTN',
    citation: 'Cá nhân tiêu biểu: mô hình "Thắp sáng đường quê"',
  },
  {
    issuer: 'PROVINCE',
    unit: 'LH.MTTQ',
    model: 'mttq-house',
    citation: 'Mô hình "Dân vận khéo" tiêu biểu năm 2023: Nhà đại đoàn kết cho hộ nghèo',
  },
] as const;

const replications = [
  {
    model: 'dv-road',
    unit: 'LH.NB.MTTQ',
    year: 2024,
    notes: 'Tuyến đường sáng - xanh - sạch - đẹp - an toàn ở tổ dân phố Đông Anh 1',
  },
  { model: 'dtn-light', unit: 'LH.TT', year: 2024, notes: 'Đoàn Thanh niên xã Tân Thanh thắp sáng 1,2 km đường thôn' },
];

const at = (date: string) => vietnamInstant(date, '09:00');

/** Writes the campaign records into the seeding transaction; nothing is flushed here. */
export function seedCampaignDemo(tx: EntityManager, unitByCode: Map<string, Unit>, users: User[]): void {
  const userByEmail = new Map(users.map((user) => [user.email, user]));
  const person = (email: string): User => {
    const user = userByEmail.get(email);
    if (!user) throw new Error(`demo campaign: no account ${email}`);
    return user;
  };
  const unit = (code: string): Unit => {
    const found = unitByCode.get(code);
    if (!found) throw new Error(`demo campaign: no unit ${code}`);
    return found;
  };
  const monitor = person('bdv@nghedan.demo');
  const admin = person('admin@nghedan.demo');

  const campaign = tx.create(Campaign, {
    name: 'Dân vận khéo giai đoạn 2022 - 2025',
    description:
      'Phong trào thi đua xây dựng mô hình và nhân rộng điển hình "Dân vận khéo" trên địa bàn huyện Lâm Hà giai đoạn 2022 - 2025 (Công văn số 488-CV/HU, ngày 23/12/2022 của Huyện ủy Lâm Hà).',
    startYear: 2022,
    endYear: 2025,
  });

  const byKey = new Map<string, CampaignModel>();
  const seedModel = (seed: ModelSeed, year: number) => {
    const officer = person(officerEmail(seed.unit));
    const outcome = seed.outcome ?? ModelStatus.RECOGNISED;
    const decided = outcome === ModelStatus.RECOGNISED || outcome === ModelStatus.NOT_RECOGNISED;
    const score = seed.score ?? (decided ? 80 + (seed.title.length % 16) : undefined);
    const model = tx.create(CampaignModel, {
      campaign,
      unit: unit(seed.unit),
      year,
      title: seed.title,
      field: seed.field,
      goals: `Triển khai mô hình "${seed.title}" gắn với nhiệm vụ chính trị của đơn vị năm ${year}.`,
      programmes: seed.programmes,
      beneficiaries: seed.beneficiaries,
      status: outcome,
      appraisalScore: score ?? null,
      appraisalNotes:
        score === undefined ? null : `Mô hình ${score >= 70 ? 'đạt' : 'chưa đạt'} yêu cầu, điểm ${score}/100.`,
      decisionNumber: outcome === ModelStatus.RECOGNISED ? RECOGNITION.number : null,
      decisionDate: outcome === ModelStatus.RECOGNISED ? RECOGNITION.date : null,
      registeredBy: officer,
      createdAt: at(`${year}-03-15`),
    });
    if (seed.key) byKey.set(seed.key, model);

    const steps: Array<[ModelAction, ModelStatus | null, ModelStatus, User, string, string?]> = [
      [ModelAction.REGISTER, null, ModelStatus.REGISTERED, officer, `${year}-03-15`],
    ];
    if (outcome === ModelStatus.WITHDRAWN) {
      steps.push([
        ModelAction.WITHDRAW,
        ModelStatus.REGISTERED,
        outcome,
        officer,
        `${year}-04-02`,
        'Đơn vị điều chỉnh kế hoạch',
      ]);
    }
    if (outcome !== ModelStatus.REGISTERED && outcome !== ModelStatus.WITHDRAWN) {
      steps.push([
        ModelAction.START_APPRAISAL,
        ModelStatus.REGISTERED,
        ModelStatus.UNDER_APPRAISAL,
        monitor,
        `${year}-11-06`,
      ]);
    }
    if (score !== undefined) {
      steps.push([
        ModelAction.APPRAISE,
        ModelStatus.UNDER_APPRAISAL,
        ModelStatus.UNDER_APPRAISAL,
        monitor,
        `${year}-11-28`,
        `${score}/100`,
      ]);
    }
    if (outcome === ModelStatus.RECOGNISED) {
      steps.push([
        ModelAction.RECOGNISE,
        ModelStatus.UNDER_APPRAISAL,
        outcome,
        monitor,
        RECOGNITION.date,
        `${RECOGNITION.number} (${RECOGNITION.date})`,
      ]);
    }
    if (outcome === ModelStatus.NOT_RECOGNISED) {
      steps.push([
        ModelAction.REJECT,
        ModelStatus.UNDER_APPRAISAL,
        outcome,
        monitor,
        RECOGNITION.date,
        'Chưa có kết quả cụ thể, đề nghị tiếp tục thực hiện',
      ]);
    }
    for (const [action, fromStatus, toStatus, actor, date, note] of steps) {
      tx.create(ModelStep, { model, action, fromStatus, toStatus, actor, note: note ?? null, at: at(date) });
    }

    if (seed.vnd > 0n || seed.works?.length) {
      const report = tx.create(ProgressReport, {
        model,
        reportedOn: `${year}-10-31`,
        resourcesVnd: seed.vnd,
        evidence: 'Biên bản bàn giao, danh sách hộ thụ hưởng và hình ảnh lưu tại đơn vị.',
        author: officer,
        createdAt: at(`${year}-11-01`),
      });
      seed.works?.forEach(([kind, quantity, measure, description], position) =>
        tx.create(WorkItem, { report, position, kind, quantity, measure, description: description ?? null }),
      );
    }
  };
  models2023.forEach((seed) => seedModel(seed, 2023));
  models2024.forEach((seed) => seedModel(seed, 2024));

  const model = (key: string): CampaignModel => {
    const found = byKey.get(key);
    if (!found) throw new Error(`demo campaign: no model ${key}`);
    return found;
  };
  for (const seed of commendations2023) {
    const district = seed.issuer === 'DISTRICT';
    tx.create(Commendation, {
      campaign,
      year: 2023,
      issuer: district
        ? CommendationIssuer.DISTRICT_PEOPLES_COMMITTEE
        : CommendationIssuer.PROVINCIAL_PEOPLES_COMMITTEE,
      recipientKind: 'person' in seed ? RecipientKind.INDIVIDUAL : RecipientKind.COLLECTIVE,
      recipientUnit: unit(seed.unit),
      recipientName: 'person' in seed ? seed.person : null,
      model: 'model' in seed ? model(seed.model) : null,
      citation: seed.citation,
      decisionNumber: district ? '215/QĐ-UBND' : '318/QĐ-UBND',
      decisionDate: district ? '2024-01-18' : '2024-02-26',
      recordedBy: admin,
    });
  }
  for (const seed of replications) {
    tx.create(Replication, {
      model: model(seed.model),
      unit: unit(seed.unit),
      year: seed.year,
      notes: seed.notes,
      recordedBy: monitor,
    });
  }
}
