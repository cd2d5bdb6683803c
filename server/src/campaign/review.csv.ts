// The campaign review as CSV for Excel (see shared/csv.ts).
import type { UnitListening } from '../dialogue/listening.js';
import { toCsv, type Cell } from '../shared/csv.js';
import type { CampaignReview, ReviewFigures } from './review.type.js';

export const FIELD_NAMES: Record<string, string> = {
  ECONOMY: 'Kinh tế',
  CULTURE_SOCIETY: 'Văn hóa - xã hội',
  DEFENCE_SECURITY: 'Quốc phòng - an ninh',
  PARTY_GOVERNMENT_BUILDING: 'Xây dựng Đảng, chính quyền',
};
const ISSUER_NAMES: Record<string, string> = {
  DISTRICT_PEOPLES_COMMITTEE: 'UBND huyện',
  PROVINCIAL_PEOPLES_COMMITTEE: 'UBND tỉnh',
};
const RECIPIENT_NAMES: Record<string, string> = { COLLECTIVE: 'Tập thể', INDIVIDUAL: 'Cá nhân' };

const FIGURE_HEADERS = [
  'Đăng ký',
  'Công nhận',
  'Không công nhận',
  'Đang xét',
  'Rút đăng ký',
  'Nguồn lực huy động (đồng)',
];
const figureCells = (figures: ReviewFigures): Cell[] => [
  figures.registered,
  figures.recognised,
  figures.notRecognised,
  figures.pending,
  figures.withdrawn,
  figures.resourcesVnd,
];

const LISTENING_HEADERS = [
  'Phản ánh tiếp nhận',
  'Trả lời đúng hạn',
  'Thời gian phản hồi đầu tiên (giờ, trung vị)',
  'Điểm hài lòng trung bình',
  'Số lượt đánh giá',
];
const listeningCells = (listening: UnitListening): Cell[] => [
  listening.threads,
  listening.answeredOnTime,
  listening.medianHoursToFirstReply,
  listening.averageRating,
  listening.ratings,
];

export function reviewCsv(review: CampaignReview): string {
  const { campaign } = review;
  const scope =
    review.year === null ? `Tổng kết ${campaign.startYear}-${campaign.endYear}` : `Sơ kết năm ${review.year}`;
  return toCsv([
    [campaign.name, scope],
    [],
    ['Tổng hợp', '', ...FIGURE_HEADERS],
    ['Toàn bộ', '', ...figureCells(review.totals)],
    [],
    ['Mã đơn vị', 'Đơn vị', ...FIGURE_HEADERS, ...LISTENING_HEADERS],
    ...review.byUnit.map((row) => [
      row.unit.code,
      row.unit.name,
      ...figureCells(row),
      ...listeningCells(row.listening),
    ]),
    [],
    ['Lĩnh vực', '', ...FIGURE_HEADERS],
    ...review.byField.map((row) => [FIELD_NAMES[row.field] ?? row.field, row.field, ...figureCells(row)]),
    [],
    ['Cấp khen thưởng', 'Đối tượng', 'Số lượng', 'Trong đó cho mô hình'],
    ...review.commendations.map((row) => [
      ISSUER_NAMES[row.issuer] ?? row.issuer,
      RECIPIENT_NAMES[row.recipientKind] ?? row.recipientKind,
      row.count,
      row.forModels,
    ]),
    [],
    ['Phần việc', 'Đơn vị tính', 'Số lượng'],
    ...review.works.map((row) => [row.kind, row.measure, row.quantity]),
    [],
    ['Lượt nhân rộng mô hình', review.replications],
  ]);
}
