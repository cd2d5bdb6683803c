import { normalize } from './sentiment/normalize.js';

/**
 * Vietnamese function words and civic boilerplate that would otherwise top every word count
 * ("của", "và", "là"), plus the words every post about a place contains ("xã", "thôn").
 */
export const STOP_WORDS = new Set(
  `của và là các những có không được cho với đã đang sẽ thì mà này đó kia ở tại trong ngoài ra vào lên xuống
  một hai ba bốn năm sáu bảy tám chín mười người nhà tôi tui em anh chị ông bà cô chú bác con cháu mình chúng ta họ
  cũng rất quá lắm nhưng vì nên để khi nếu từ đến tới theo về như gì nào ai đâu sao ạ nhé nha vậy rồi còn lại đi làm
  bị nữa thôi hết luôn chỉ vẫn mới xin hỏi cảm ơn cám xã thôn huyện tỉnh thị trấn ubnd tổ phố khu đây đấy thế này kia
  bao nhiêu giờ ngày tháng năm lần cái chiếc việc khi nào đề nghị kiến nghị mong muốn được không có hay hoặc thì là
  ra sao vậy thì nhà nước bà con người dân dân cán bộ qua lúc sau trước đều nhiều ít rồi chưa đang`
    .split(/\s+/)
    .filter(Boolean),
);

const WORD = /[\p{L}]+/gu;

/** The distinct words and two-word phrases of a text that say what it is about. */
export function keywordsOf(text: string): string[] {
  const words = normalize(text).match(WORD) ?? [];
  const found = new Set<string>();
  let previous: string | null = null;
  for (const word of words) {
    const meaningful = word.length > 1 && !STOP_WORDS.has(word);
    if (meaningful) {
      found.add(word);
      if (previous) found.add(`${previous} ${word}`);
    }
    previous = meaningful ? word : null;
  }
  return [...found].slice(0, 200);
}
