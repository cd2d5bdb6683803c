// An ILLUSTRATIVE 1 July 2025 reorganisation of the demo's Lâm Hà district (../shared/DOMAIN.md):
// the district is dissolved, its departments' work goes to province departments (sở), and its
// sixteen communes and towns are merged into five communes under Lâm Đồng province. Which
// communes were really merged, and the new units' real names, are not in our sources: the
// groupings below and the names "… (mới)" are made up for the demo. Load a real tree with
// `npm run units:import`.
import { UnitKind, UnitLevel } from '../../units/unit.entity.js';

export const DEMO_DECISION = 'Sắp xếp đơn vị hành chính tỉnh Lâm Đồng năm 2025 (minh họa)';
export const DEMO_EFFECTIVE_ON = '2025-07-01';

const { PROVINCE, COMMUNE } = UnitLevel;
const { PARTY_COMMITTEE, GOVERNMENT, DEPARTMENT, FRONT, MASS_ORGANIZATION, ARMED_FORCES } = UnitKind;

interface NewUnit {
  code: string;
  name: string;
  level: UnitLevel;
  kind: UnitKind;
  parentCode?: string;
}

/** District units and the province unit that takes each over: [district codes, new province unit]. */
const PROVINCE_TAKEOVERS: Array<[string[], NewUnit]> = [
  [['LH'], { code: 'LD', name: 'UBND tỉnh Lâm Đồng', level: PROVINCE, kind: GOVERNMENT }],
  [['LH.HU'], { code: 'LD.TU', name: 'Tỉnh ủy Lâm Đồng', level: PROVINCE, kind: PARTY_COMMITTEE, parentCode: 'LD' }],
  [
    ['LH.HU.BDV'],
    {
      code: 'LD.TU.BDV',
      name: 'Ban Dân vận Tỉnh ủy Lâm Đồng',
      level: PROVINCE,
      kind: PARTY_COMMITTEE,
      parentCode: 'LD.TU',
    },
  ],
  [
    ['LH.MTTQ'],
    { code: 'LD.MTTQ', name: 'Ủy ban MTTQ Việt Nam tỉnh Lâm Đồng', level: PROVINCE, kind: FRONT, parentCode: 'LD' },
  ],
  [
    ['LH.PN'],
    {
      code: 'LD.PN',
      name: 'Hội Liên hiệp Phụ nữ tỉnh Lâm Đồng',
      level: PROVINCE,
      kind: MASS_ORGANIZATION,
      parentCode: 'LD',
    },
  ],
  [
    ['LH.DTN'],
    { code: 'LD.DTN', name: 'Tỉnh đoàn Lâm Đồng', level: PROVINCE, kind: MASS_ORGANIZATION, parentCode: 'LD' },
  ],
  [
    ['LH.HND'],
    { code: 'LD.HND', name: 'Hội Nông dân tỉnh Lâm Đồng', level: PROVINCE, kind: MASS_ORGANIZATION, parentCode: 'LD' },
  ],
  [
    ['LH.CCB'],
    {
      code: 'LD.CCB',
      name: 'Hội Cựu chiến binh tỉnh Lâm Đồng',
      level: PROVINCE,
      kind: MASS_ORGANIZATION,
      parentCode: 'LD',
    },
  ],
  [
    ['LH.LDLD'],
    {
      code: 'LD.LDLD',
      name: 'Liên đoàn Lao động tỉnh Lâm Đồng',
      level: PROVINCE,
      kind: MASS_ORGANIZATION,
      parentCode: 'LD',
    },
  ],
  [['LH.CA'], { code: 'LD.CA', name: 'Công an tỉnh Lâm Đồng', level: PROVINCE, kind: ARMED_FORCES, parentCode: 'LD' }],
  [
    ['LH.QS'],
    { code: 'LD.QS', name: 'Bộ Chỉ huy Quân sự tỉnh Lâm Đồng', level: PROVINCE, kind: ARMED_FORCES, parentCode: 'LD' },
  ],
  [
    ['LH.TCD'],
    { code: 'LD.TCD', name: 'Ban Tiếp công dân tỉnh Lâm Đồng', level: PROVINCE, kind: GOVERNMENT, parentCode: 'LD' },
  ],
  [
    ['LH.TNMT', 'LH.NN'],
    { code: 'LD.NNMT', name: 'Sở Nông nghiệp và Môi trường', level: PROVINCE, kind: DEPARTMENT, parentCode: 'LD' },
  ],
  [['LH.KTHT'], { code: 'LD.XD', name: 'Sở Xây dựng', level: PROVINCE, kind: DEPARTMENT, parentCode: 'LD' }],
  [['LH.GD'], { code: 'LD.GDDT', name: 'Sở Giáo dục và Đào tạo', level: PROVINCE, kind: DEPARTMENT, parentCode: 'LD' }],
  [['LH.YT', 'LH.LDTBXH'], { code: 'LD.YT', name: 'Sở Y tế', level: PROVINCE, kind: DEPARTMENT, parentCode: 'LD' }],
  [['LH.NV'], { code: 'LD.NV', name: 'Sở Nội vụ', level: PROVINCE, kind: DEPARTMENT, parentCode: 'LD' }],
  [
    ['LH.DANTOC'],
    { code: 'LD.DTTG', name: 'Sở Dân tộc và Tôn giáo', level: PROVINCE, kind: DEPARTMENT, parentCode: 'LD' },
  ],
  [
    ['LH.TTR'],
    { code: 'LD.TTR', name: 'Thanh tra tỉnh Lâm Đồng', level: PROVINCE, kind: DEPARTMENT, parentCode: 'LD' },
  ],
];

/** Old commune codes (under LH.) merged into one new commune, named after the first (illustrative). */
const COMMUNE_MERGERS: Array<{ code: string; name: string; from: string[] }> = [
  { code: 'LD.NAMBAN', name: 'Nam Ban (mới)', from: ['NB', 'ML', 'DTH', 'GL'] },
  { code: 'LD.DINHVAN', name: 'Đinh Văn (mới)', from: ['DV', 'TV', 'NH'] },
  { code: 'LD.TANHA', name: 'Tân Hà (mới)', from: ['TH', 'LHA', 'DP', 'HD'] },
  { code: 'LD.PHUSON', name: 'Phú Sơn (mới)', from: ['PS', 'PT', 'DD'] },
  { code: 'LD.PHUCTHO', name: 'Phúc Thọ (mới)', from: ['PTH', 'TT'] },
];

/** The commune bodies that merge along with their commune: suffix, name prefix, kind. */
const COMMUNE_BODIES: Array<[string, string, UnitKind]> = [
  ['DU', 'Đảng ủy xã', PARTY_COMMITTEE],
  ['MTTQ', 'Ủy ban MTTQ xã', FRONT],
  ['CA', 'Công an xã', ARMED_FORCES],
];

export interface DemoMerge {
  unitCodes: string[];
  newUnit: NewUnit;
}

/** The illustrative reorganisation as mergers by unit code; villages follow their commune. */
export function lamDong2025Mergers(): DemoMerge[] {
  const communes = COMMUNE_MERGERS.flatMap(({ code, name, from }): DemoMerge[] => [
    {
      unitCodes: from.map((old) => `LH.${old}`),
      newUnit: { code, name: `UBND xã ${name}`, level: COMMUNE, kind: GOVERNMENT, parentCode: 'LD' },
    },
    ...COMMUNE_BODIES.map(([suffix, prefix, kind]) => ({
      unitCodes: from.map((old) => `LH.${old}.${suffix}`),
      newUnit: { code: `${code}.${suffix}`, name: `${prefix} ${name}`, level: COMMUNE, kind, parentCode: code },
    })),
  ]);
  return [...PROVINCE_TAKEOVERS.map(([unitCodes, newUnit]) => ({ unitCodes, newUnit })), ...communes];
}
