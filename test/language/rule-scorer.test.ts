import { describe, expect, it } from 'vitest';
import { fold, normalize, tokenize } from '../../server/src/language/normalize.js';
import { scoreSentiment } from '../../server/src/language/rules/rule-scorer.js';

describe('normalisation', () => {
  it.each([
    ['Hoà bình', 'hòa bình'],
    ['THUỶ LỢI', 'thủy lợi'],
    ['Hòa'.normalize('NFD'), 'hòa'],
  ])('puts %s in one form: %s', (text, normal) => {
    expect(normalize(text)).toBe(normal);
  });

  it('rewrites chat spellings and keeps a folded twin of each word', () => {
    expect(tokenize('Đường hư wá, ko ai sửa 😡').map((token) => token.text)).toEqual([
      'đường',
      'hư',
      'quá',
      'không',
      'ai',
      'sửa',
      '😡',
    ]);
    expect(fold('Đền bù giải phóng mặt bằng')).toBe('Den bu giai phong mat bang');
  });
});

describe('scoreSentiment', () => {
  it.each([
    ['plain complaint', 'Đường liên thôn xuống cấp, ổ gà khắp nơi, rất nguy hiểm.', 'negative'],
    ['anger about waiting', 'Phản ánh nhiều lần mà vẫn chưa được giải quyết, bà con rất bức xúc.', 'negative'],
    ['thanks', 'Xin chân thành cảm ơn cán bộ xã đã hướng dẫn tận tình.', 'positive'],
    ['a question for information', 'Cho tôi hỏi thủ tục cấp đổi giấy chứng nhận cần những giấy tờ gì ạ?', 'neutral'],
    ['an announcement', 'Lịch tiếp công dân tháng này vào thứ Năm hằng tuần tại trụ sở xã.', 'neutral'],
    // negation
    ['negated praise', 'Cách làm việc của bộ phận một cửa không tốt chút nào.', 'negative'],
    ['negated complaint', 'Trại heo đã làm hầm biogas, giờ không còn mùi hôi nữa.', 'positive'],
    ['"chưa" negation', 'Cán bộ hứa rồi mà chưa thấy ai xuống kiểm tra.', 'negative'],
    ['Southern "hông"', 'Đèn đường hư cả tháng hông ai thay.', 'negative'],
    // contrast: the clause after wins
    [
      'praise then complaint',
      'Cảm ơn xã đã quan tâm, nhưng lời hứa sửa cầu từ năm ngoái vẫn chỉ là lời hứa.',
      'negative',
    ],
    [
      'complaint then praise',
      'Lúc đầu thủ tục hơi chậm, tuy nhiên cán bộ hướng dẫn rất tận tình nên tôi rất hài lòng.',
      'positive',
    ],
    // intensifiers and diminishers
    ['intensified', 'Dịch vụ công trực tuyến tiện quá, cảm ơn huyện.', 'positive'],
    // no diacritics
    ['complaint typed without diacritics', 'duong vao thon bi sat lo qua nguy hiem ma chua thay ai xu ly', 'negative'],
    ['thanks typed without diacritics', 'cam on cong an xa da tuan tra, ba con yen tam', 'positive'],
    ['question typed without diacritics', 'cho hoi so dien thoai cua tram y te xa la bao nhieu', 'neutral'],
    // emoji
    ['angry emoji decides a flat report', 'Mưa một trận là đường trước chợ thành sông 😡', 'negative'],
    ['thankful emoji', 'Cảm ơn anh em công an 👍', 'positive'],
  ])('%s → %s', (_label, text, tone) => {
    expect(scoreSentiment(text).tone).toBe(tone);
  });

  it('scores from -1 to 1, stronger for stronger words', () => {
    const mild = scoreSentiment('Đường hơi xuống cấp.').score;
    const strong = scoreSentiment('Đường xuống cấp quá, rất nguy hiểm, bà con vô cùng bức xúc!').score;
    expect(strong).toBeLessThan(mild);
    expect(strong).toBeGreaterThanOrEqual(-1);
    expect(scoreSentiment('Tuyệt vời, cảm ơn, rất hài lòng! 👍👍').score).toBeLessThanOrEqual(1);
  });
});
