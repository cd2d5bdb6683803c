// Demo data: Lâm Hà district, Lâm Đồng province, before the 2025 reorganisation (../shared/DOMAIN.md).
import { UnitKind, UnitLevel } from '../../units/unit.entity.js';

export interface UnitSeed {
  code: string;
  name: string;
  level: UnitLevel;
  kind: UnitKind;
  parentCode?: string;
  /** Seat or centre on the map (WGS 84), for places: approximate, good enough for a demo map. */
  latitude?: number;
  longitude?: number;
}

const { DISTRICT, COMMUNE, VILLAGE } = UnitLevel;
const { PARTY_COMMITTEE, GOVERNMENT, DEPARTMENT, FRONT, MASS_ORGANIZATION, ARMED_FORCES } = UnitKind;

const district: UnitSeed[] = [
  { code: 'LH', name: 'UBND huyện Lâm Hà', level: DISTRICT, kind: GOVERNMENT, latitude: 11.7795, longitude: 108.2317 },
  {
    code: 'LH.HU',
    name: 'Huyện ủy Lâm Hà',
    level: DISTRICT,
    kind: PARTY_COMMITTEE,
    parentCode: 'LH',
  },
  {
    code: 'LH.HU.BDV',
    name: 'Ban Dân vận Huyện ủy Lâm Hà',
    level: DISTRICT,
    kind: PARTY_COMMITTEE,
    parentCode: 'LH.HU',
  },
  {
    code: 'LH.MTTQ',
    name: 'Ủy ban MTTQ Việt Nam huyện Lâm Hà',
    level: DISTRICT,
    kind: FRONT,
    parentCode: 'LH',
  },
  {
    code: 'LH.PN',
    name: 'Hội Liên hiệp Phụ nữ huyện Lâm Hà',
    level: DISTRICT,
    kind: MASS_ORGANIZATION,
    parentCode: 'LH',
  },
  {
    code: 'LH.DTN',
    name: 'Huyện đoàn Lâm Hà (Đoàn Thanh niên)',
    level: DISTRICT,
    kind: MASS_ORGANIZATION,
    parentCode: 'LH',
  },
  {
    code: 'LH.HND',
    name: 'Hội Nông dân huyện Lâm Hà',
    level: DISTRICT,
    kind: MASS_ORGANIZATION,
    parentCode: 'LH',
  },
  {
    code: 'LH.CCB',
    name: 'Hội Cựu chiến binh huyện Lâm Hà',
    level: DISTRICT,
    kind: MASS_ORGANIZATION,
    parentCode: 'LH',
  },
  {
    code: 'LH.LDLD',
    name: 'Liên đoàn Lao động huyện Lâm Hà',
    level: DISTRICT,
    kind: MASS_ORGANIZATION,
    parentCode: 'LH',
  },
  {
    code: 'LH.CA',
    name: 'Công an huyện Lâm Hà',
    level: DISTRICT,
    kind: ARMED_FORCES,
    parentCode: 'LH',
  },
  {
    code: 'LH.QS',
    name: 'Ban Chỉ huy Quân sự huyện Lâm Hà',
    level: DISTRICT,
    kind: ARMED_FORCES,
    parentCode: 'LH',
  },
  {
    code: 'LH.TCD',
    name: 'Ban Tiếp công dân huyện Lâm Hà',
    level: DISTRICT,
    kind: GOVERNMENT,
    parentCode: 'LH',
  },
  {
    code: 'LH.TNMT',
    name: 'Phòng Tài nguyên và Môi trường',
    level: DISTRICT,
    kind: DEPARTMENT,
    parentCode: 'LH',
  },
  {
    code: 'LH.LDTBXH',
    name: 'Phòng Lao động - Thương binh và Xã hội',
    level: DISTRICT,
    kind: DEPARTMENT,
    parentCode: 'LH',
  },
  {
    code: 'LH.KTHT',
    name: 'Phòng Kinh tế - Hạ tầng',
    level: DISTRICT,
    kind: DEPARTMENT,
    parentCode: 'LH',
  },
  {
    code: 'LH.NN',
    name: 'Phòng Nông nghiệp và Phát triển nông thôn',
    level: DISTRICT,
    kind: DEPARTMENT,
    parentCode: 'LH',
  },
  {
    code: 'LH.GD',
    name: 'Phòng Giáo dục và Đào tạo',
    level: DISTRICT,
    kind: DEPARTMENT,
    parentCode: 'LH',
  },
  {
    code: 'LH.YT',
    name: 'Phòng Y tế',
    level: DISTRICT,
    kind: DEPARTMENT,
    parentCode: 'LH',
  },
  {
    code: 'LH.NV',
    name: 'Phòng Nội vụ',
    level: DISTRICT,
    kind: DEPARTMENT,
    parentCode: 'LH',
  },
  {
    code: 'LH.DANTOC',
    name: 'Phòng Dân tộc',
    level: DISTRICT,
    kind: DEPARTMENT,
    parentCode: 'LH',
  },
  {
    code: 'LH.TTR',
    name: 'Thanh tra huyện Lâm Hà',
    level: DISTRICT,
    kind: DEPARTMENT,
    parentCode: 'LH',
  },
];

const communes: Array<{
  code: string;
  name: string;
  town?: boolean;
  villages?: string[];
  /** Approximate seat of the commune People's Committee. */
  at: [number, number];
}> = [
  {
    code: 'DV',
    name: 'Đinh Văn',
    at: [11.7795, 108.2317],
    town: true,
    villages: ['Tổ dân phố Đồng Tâm', 'Tổ dân phố Lâm Bô'],
  },
  {
    code: 'NB',
    name: 'Nam Ban',
    at: [11.8383, 108.3325],
    town: true,
    villages: ['Tổ dân phố Đông Anh 1', 'Tổ dân phố Đông Anh 2'],
  },
  { code: 'DD', name: 'Đạ Đờn', at: [11.8012, 108.1804] },
  { code: 'DP', name: 'Đan Phượng', at: [11.7408, 108.1128] },
  { code: 'DTH', name: 'Đông Thanh', at: [11.8745, 108.3508] },
  { code: 'GL', name: 'Gia Lâm', at: [11.861, 108.3205] },
  { code: 'HD', name: 'Hoài Đức', at: [11.7512, 108.2455] },
  { code: 'LHA', name: 'Liên Hà', at: [11.7185, 108.1402] },
  { code: 'ML', name: 'Mê Linh', at: [11.8205, 108.3702] },
  { code: 'NH', name: 'Nam Hà', at: [11.8498, 108.2987] },
  {
    code: 'PT',
    name: 'Phi Tô',
    at: [11.8423, 108.2158],
    villages: ['Thôn Kon Pang', 'Thôn Bờ Sa'],
  },
  { code: 'PS', name: 'Phú Sơn', at: [11.8068, 108.2802] },
  { code: 'PTH', name: 'Phúc Thọ', at: [11.7205, 108.1855] },
  {
    code: 'TH',
    name: 'Tân Hà',
    at: [11.7601, 108.1795],
    villages: ['Thôn Liên Trung', 'Thôn Tân Lin'],
  },
  { code: 'TT', name: 'Tân Thanh', at: [11.731, 108.159] },
  { code: 'TV', name: 'Tân Văn', at: [11.7752, 108.2738] },
];

const communeUnits: UnitSeed[] = communes.flatMap(({ code, name, town, villages = [], at: [latitude, longitude] }) => {
  const place = `${town ? 'thị trấn' : 'xã'} ${name}`;
  const base = `LH.${code}`;
  return [
    {
      code: base,
      name: `UBND ${place}`,
      level: COMMUNE,
      kind: GOVERNMENT,
      parentCode: 'LH',
      latitude,
      longitude,
    },
    {
      code: `${base}.DU`,
      name: `Đảng ủy ${place}`,
      level: COMMUNE,
      kind: PARTY_COMMITTEE,
      parentCode: base,
    },
    {
      code: `${base}.MTTQ`,
      name: `Ủy ban MTTQ ${place}`,
      level: COMMUNE,
      kind: FRONT,
      parentCode: base,
    },
    {
      code: `${base}.CA`,
      name: `Công an ${place}`,
      level: COMMUNE,
      kind: ARMED_FORCES,
      parentCode: base,
    },
    ...villages.map((village, index) => ({
      code: `${base}.T${index + 1}`,
      name: `${village}, ${place}`,
      level: VILLAGE,
      kind: GOVERNMENT,
      parentCode: base,
      // Villages a little way off their commune's seat, on alternate sides.
      latitude: Math.round((latitude + (index % 2 === 0 ? 0.012 : -0.01)) * 1e4) / 1e4,
      longitude: Math.round((longitude + (index % 2 === 0 ? -0.011 : 0.013)) * 1e4) / 1e4,
    })),
  ];
});

export const units: UnitSeed[] = [...district, ...communeUnits];

export interface CategorySeed {
  code: string;
  name: string;
  nameEn: string;
  acknowledgeWithinHours?: number;
  answerWithinHours?: number;
  urgent?: boolean;
}

export const categories: CategorySeed[] = [
  {
    code: 'LAND',
    name: 'Đất đai, đền bù, giải phóng mặt bằng',
    nameEn: 'Land, compensation and site clearance',
  },
  {
    code: 'INFRASTRUCTURE',
    name: 'Giao thông, công trình công cộng',
    nameEn: 'Roads and community works',
  },
  {
    code: 'NEW_RURAL',
    name: 'Xây dựng nông thôn mới',
    nameEn: 'New rural development',
  },
  {
    code: 'SOCIAL_POLICY',
    name: 'Chính sách xã hội, giảm nghèo',
    nameEn: 'Social policy and poverty reduction',
  },
  {
    code: 'ETHNIC_LIVELIHOOD',
    name: 'Sinh kế đồng bào dân tộc thiểu số',
    nameEn: 'Ethnic-minority livelihoods',
  },
  {
    code: 'SECURITY',
    name: 'An ninh, trật tự',
    nameEn: 'Security and order',
    acknowledgeWithinHours: 2,
    answerWithinHours: 8,
    urgent: true,
  },
  {
    code: 'ADMIN_PROCEDURE',
    name: 'Thủ tục hành chính, đạo đức công vụ',
    nameEn: 'Administrative procedures and civil-service ethics',
  },
  {
    code: 'CORRUPTION',
    name: 'Tham nhũng, lãng phí',
    nameEn: 'Corruption and waste',
  },
  { code: 'ENVIRONMENT', name: 'Môi trường', nameEn: 'Environment' },
  {
    code: 'EDUCATION_HEALTH',
    name: 'Giáo dục, y tế',
    nameEn: 'Education and health',
  },
  { code: 'AGRICULTURE', name: 'Nông nghiệp', nameEn: 'Agriculture' },
  { code: 'OTHER', name: 'Lĩnh vực khác', nameEn: 'Other' },
];

export const DEMO_DOMAIN = 'nghedan.demo';

/** Officer sign-in for a unit: its code in lower case, `LH.NB.CA` → `lh.nb.ca@nghedan.demo`. */
export const officerEmail = (unitCode: string): string => `${unitCode.toLowerCase()}@${DEMO_DOMAIN}`;

export const people = [
  {
    email: `admin@${DEMO_DOMAIN}`,
    displayName: 'Quản trị hệ thống',
    role: 'ADMIN',
  },
  {
    email: `bdv@${DEMO_DOMAIN}`,
    displayName: 'Trần Thị Hòa (Ban Dân vận Huyện ủy)',
    role: 'MONITOR',
  },
  {
    email: `mttq@${DEMO_DOMAIN}`,
    displayName: 'Lê Văn Minh (Ủy ban MTTQ huyện)',
    role: 'MONITOR',
  },
  {
    email: `dan@${DEMO_DOMAIN}`,
    displayName: 'Nguyễn Văn An',
    role: 'CITIZEN',
  },
  { email: `kbinh@${DEMO_DOMAIN}`, displayName: "K'Bình", role: 'CITIZEN' },
] as const;

/** Routing: [field code or null for any, place unit code or null for anywhere, receiving unit code]. */
export const routingRules: Array<[string | null, string | null, string]> = [
  [null, null, 'LH.TCD'],
  ['LAND', null, 'LH.TNMT'],
  ['ENVIRONMENT', null, 'LH.TNMT'],
  ['INFRASTRUCTURE', null, 'LH.KTHT'],
  ['NEW_RURAL', null, 'LH.NN'],
  ['AGRICULTURE', null, 'LH.NN'],
  ['SOCIAL_POLICY', null, 'LH.LDTBXH'],
  ['ETHNIC_LIVELIHOOD', null, 'LH.DANTOC'],
  ['SECURITY', null, 'LH.CA'],
  ['ADMIN_PROCEDURE', null, 'LH.NV'],
  ['CORRUPTION', null, 'LH.TTR'],
  ['EDUCATION_HEALTH', null, 'LH.GD'],
  // Commune People's Committees take roads and new-rural matters in their commune; commune police its security.
  ...communes.flatMap(({ code }): Array<[string, string, string]> => [
    ['INFRASTRUCTURE', `LH.${code}`, `LH.${code}`],
    ['NEW_RURAL', `LH.${code}`, `LH.${code}`],
    ['SECURITY', `LH.${code}`, `LH.${code}.CA`],
  ]),
  // A village that handles its own roads.
  ['INFRASTRUCTURE', 'LH.NB.T1', 'LH.NB.T1'],
];
