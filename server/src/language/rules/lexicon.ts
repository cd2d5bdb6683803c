/**
 * The project's own sentiment lexicon for citizen feedback in Vietnamese: complaints and urgency,
 * damage and danger, neglect by officials, thanks and praise, civic vocabulary. Phrases are written
 * with diacritics; the scorer also matches them in text typed without diacritics. Weights are on a
 * rough scale of 1 (mild) to 3 (strong); negative numbers are negative tone.
 */
type Group = [weight: number, phrases: string];

const GROUPS: Group[] = [
  // Strong complaint, anger, despair.
  [
    -3,
    'không thể chấp nhận|không chấp nhận được|bức xúc|bức xúc lắm|bất bình|phẫn nộ|quá đáng|vô trách nhiệm|tham nhũng|nhũng nhiễu|hạch sách|vòi vĩnh|ăn chặn|rút ruột|ăn bớt|bỏ mặc|làm ngơ|thê thảm|cùng cực|khổ sở|lừa dảo|lừa đảo|ức hiếp|chèn ép|có người chết|chết người',
  ],
  [
    -2.5,
    'sao mãi|đến bao giờ|bao giờ mới|chừng nào mới|tới chừng nào|khi nào mới|đến khi nào|có ai đọc|chẳng thấy đâu|không thấy đâu|bỏ dở|trượt ngã|không ngủ được|chê|không ai sửa|không ai xử lý|không ai giải quyết|không ai đến|không ai thay|không ai dọn|không ai giải thích|không ai thông báo|chẳng ai|chả ai|không ai|chưa được giải quyết|vẫn chưa được giải quyết|chưa thấy ai|không thấy ai|chưa thấy đâu|không được việc gì|đùn đẩy|né tránh|lãng phí|thất thoát|ô nhiễm|hôi thối|bốc mùi|mất an ninh|đánh bạc|trộm|trộm cắp|cướp|đánh nhau|ma túy|nguy hiểm|sạt lở|sập|mục nát|dột nát|thất vọng|mệt mỏi|khốn khổ|khó khăn cùng cực|bất công|gây khó dễ|phiền hà|chết hàng loạt',
  ],
  [
    -2,
    'xuống cấp|hư hỏng|hư|hỏng|bể|vỡ|nứt|nứt toác|bong tróc|lún|ổ gà|sình lầy|lầy lội|ngập|ngập lụt|ngập úng|tắc|ách tắc|kẹt|cúp|mất điện|mất nước|chập chờn|đục|phèn|bụi|bụi mù|ồn|inh ỏi|khói|mùi|hôi|ruồi|muỗi|rác|dịch bệnh|tiêu chảy|chết|mất|lo lắng|lo sợ|sợ|không dám|bất an|chậm trễ|chậm|trễ|trễ hẹn|hẹn hoài|quá hạn|chờ đợi|chờ mãi|để đó|bỏ hoang|chung chung|qua loa|hình thức|sai|sai lệch|sai phạm|thiếu|thiếu minh bạch|không minh bạch|thiếu trách nhiệm|không rõ ràng|quá tải|ép giá|thiệt hại|thiệt thòi|mất đất|khó khăn|vất vả|kém|tệ|dở|tồi|yếu kém|gầy yếu|không hợp|cắt|bị cắt|nghỉ học|phải nghỉ|đau|ốm|bệnh|lãi chẳng được|tăng gấp đôi|không có tên|hết suất|người quen|ưu ái|không công bằng|làm khó|tốn kém|phản ánh nhiều lần|phản ánh cả chục lần|nhiều lần|lần thứ',
  ],
  [
    -1.5,
    'chưa thấy|vẫn chưa|chưa có|chưa nhận được|không thấy|chưa bao giờ|không bao giờ|y như cũ|y chang|như không|đề nghị kiểm tra|đề nghị xử lý|đề nghị làm rõ|yêu cầu|khiếu nại|tố cáo|kêu|than|phàn nàn|đòi|bắt đi lại|đi lại nhiều lần|lên xuống nhiều lần|không thông báo|không báo trước|không giải thích|không hiểu|chờ hoài|đợi hoài|hoài|mù mịt|um tùm|dày đặc|đông quá|quá đông|vậy là sao|là sao|kiểu gì|làm ăn kiểu|trời ơi|hả|nữa hả|rồi thôi|chỉ ghi nhận|chỉ là lời hứa|lời hứa|hứa hẹn',
  ],
  [
    -1,
    'suốt|liên tục|ngày đêm|cả đêm|suốt đêm|không có|mất công|áp giá|khoản thu|đủ thứ khoản|ầm ầm|nẹt pô|rơi vãi|tràn vào|nhậu|tụ tập',
  ],
  // Mild positive and relief.
  [
    1.5,
    'ổn|ổn định|tiện|thuận tiện|thuận lợi|dễ|dễ dàng|rõ ràng|công khai|kịp thời|đúng hẹn|đúng hạn|sớm|xong|hoàn thành|đã sửa|sửa xong|làm xong|giải quyết xong|đã giải quyết|đã khắc phục|khắc phục|yên tâm|an toàn|sạch|sạch sẽ|gọn gàng|khang trang|rộng rãi|sáng sủa|mát|đẹp|ghi nhận|đồng tình|ủng hộ|đồng lòng|chung tay|thoát nghèo|khá giả|cải thiện|tiến bộ|đổi mới|hỗ trợ kịp thời|quan tâm|lắng nghe|ngon|khỏi mất công|đỡ mất công|triệt phá|bắt giữ|bắt được|trả lại|dễ chịu|đồng tình',
  ],
  [
    2,
    'ngon lành|biểu dương|rất hay|hay lắm|hay quá|tốt|nhanh|nhanh chóng|tận tình|tận tâm|nhiệt tình|chu đáo|niềm nở|thân thiện|dễ nghe|dễ hiểu|nhẹ nhàng|tích cực|hiệu quả|minh bạch|trách nhiệm|có trách nhiệm|gần dân|sát dân|vì dân|hài lòng|vui|vui mừng|phấn khởi|mừng|hạnh phúc|an tâm|tin tưởng|yên bình|bình yên|không còn lo|hết lo|đỡ vất vả|đỡ khổ|hoan nghênh|đáng khen|khen|khen ngợi|đáng học tập|học tập|nhân rộng|gương mẫu|điển hình|xứng đáng|ấm lòng|cảm động|biết ơn|cảm kích',
  ],
  [
    3,
    'cảm ơn|cám ơn|xin cảm ơn|chân thành cảm ơn|trân trọng cảm ơn|tuyệt vời|xuất sắc|rất hài lòng|rất tốt|quá tốt|tuyệt|đáng trân trọng|không có gì để chê|không chê vào đâu được',
  ],
  // Everyday review words (shops, food, goods, phones, hotels, courses): civic texts rarely use
  // them, feedback of other kinds does. One-syllable words whose spelling without diacritics is
  // another frequent word (đắt/đất, rẻ/rẽ, xịn/xin, êm/em) are listed in AMBIGUOUS_WITHOUT_DIACRITICS.
  [
    -3,
    'tệ hại|tồi tệ|kinh khủng|gian dối|gian lận|hàng giả|hàng nhái|phí tiền|tiền mất tật mang|không bao giờ quay lại|không quay lại|lần cuối|vô văn hóa|thái độ lồi lõm|lồi lõm|không nên mua|đừng mua|hối hận',
  ],
  [
    -2.5,
    'bực mình|bực|khó chịu|cáu gắt|cộc lốc|hỗn|láo|bẩn|dơ|dơ bẩn|bẩn thỉu|nhếch nhác|mất vệ sinh|ẩm mốc|chán|nhàm chán|chán ngắt|không đáng tiền|uổng tiền|bị lỗi|hàng lỗi|lỗi|dỏm|rởm|đểu|fake|kém chất lượng|chất lượng kém|ôi thiu|thiu|đáng tiếc',
  ],
  [
    -2,
    'xấu|xấu xí|xấu hoắc|đắt|đắt đỏ|giá mắc|chặt chém|rẻ tiền|nhạt|nhạt nhẽo|mặn chát|ngọt gắt|nguội|nguội ngắt|thịt dai|tanh|khó hiểu|khó ăn|khó dùng|khó nghe|buồn ngủ|lag|giật lag|đơ|nóng ran|hao pin|tụt pin|pin tụt|rè|ồn ào|chật chội|chật hẹp|sơ sài|cẩu thả|làm ẩu|móp|móp méo|rách|trầy|trầy xước|xước|phai màu|không giống hình|không như hình|không đúng mô tả|sai màu|giao sai|giao thiếu|chờ lâu|đợi lâu|lâu quá|lâu lắc|nổi mẩn|kích ứng|ngứa|rát|lởm|dở tệ|đi trễ|không bắt máy',
  ],
  [-1.5, 'khó|tàm tạm|bình thường thôi|không như mong đợi|mỏng dính|tiếc'],
  [
    2,
    'hợp lý|giá hợp lý|đáng tiền|đáng mua|đáng thử|chất lượng tốt|chất lượng cao|xịn|xịn xò|mượt|mượt mà|êm|êm ái|bền|pin trâu|sắc nét|thơm|thơm ngon|đậm đà|vừa ăn|giòn|tươi ngon|ngon miệng|ưng|thích|dễ thương|lễ phép|lịch sự|vui vẻ|vui tính|hài hước|mến khách|chuyên nghiệp|uy tín|kỹ lưỡng|tâm huyết|bổ ích|hữu ích|thú vị|hấp dẫn|sinh động|ấm cúng|yên tĩnh|thoáng mát|tiện nghi|sang trọng|xinh|xinh xắn|vừa vặn|vừa in|nhanh gọn|giao nhanh|ship nhanh|good|đáng đồng tiền',
  ],
  [1.5, 'rẻ|giá rẻ|đóng gói cẩn thận|gói cẩn thận'],
  [
    3,
    'hoàn hảo|đỉnh|đỉnh cao|ngon tuyệt|siêu ngon|ưng ý|sẽ quay lại|sẽ ủng hộ|mười điểm|10 điểm|đáng đồng tiền bát gạo|vượt mong đợi|hơn mong đợi|tốt hơn mong đợi|rất đáng tiền',
  ],
  // Phrases that contain a tone word but carry none: matched first, as a whole, so the word inside is not read.
  [0, 'xin lỗi|thắc mắc|giải thích|lời giải thích'],
];

/** Words that flip the tone of what follows within a short window. */
export const NEGATORS = new Set([
  'không',
  'chưa',
  'chẳng',
  'chả',
  'đâu có',
  'không hề',
  'chưa hề',
  'chẳng hề',
  'đừng',
  'chớ',
  'không còn',
]);

/** Words that strengthen (> 1) or soften (< 1) the next tone word, or the previous one when placed after it. */
export const MODIFIERS_BEFORE: Record<string, number> = {
  rất: 1.6,
  'cực kỳ': 1.8,
  'vô cùng': 1.8,
  'hết sức': 1.7,
  'thật sự': 1.4,
  thật: 1.3,
  quá: 1.5,
  'càng ngày càng': 1.4,
  hơi: 0.6,
  khá: 0.9,
  'có phần': 0.7,
  'một chút': 0.6,
  chút: 0.6,
  siêu: 1.6,
  cực: 1.7,
  'khá là': 0.9,
  'thật là': 1.3,
  thiệt: 1.3,
};
export const MODIFIERS_AFTER: Record<string, number> = {
  quá: 1.5,
  lắm: 1.5,
  hẳn: 1.4,
  ghê: 1.5,
  'quá trời': 1.8,
  'hết sức': 1.6,
  'lắm luôn': 1.7,
  luôn: 1.2,
  'hết trơn': 1.5,
  'chút nào': 1.4,
  'dã man': 1.6,
  xỉu: 1.5,
  'vô cùng': 1.6,
  'một chút': 0.6,
};

/** Markers after which the rest of the text carries the main attitude. */
export const CONTRASTS = new Set([
  'nhưng',
  'nhưng mà',
  'tuy nhiên',
  'song',
  'mà lại',
  'thế nhưng',
  'vậy mà',
  'dzậy mà',
  'nhưng rồi',
  'có điều',
  'chỉ có điều',
  'mỗi tội',
  'chỉ tiếc là',
  'tiếc là',
  'ai ngờ',
  'không ngờ',
]);

/** Politeness and question words that mark a neutral request for information. */
export const QUESTION_OPENERS = [
  'cho hỏi',
  'xin hỏi',
  'cho tôi hỏi',
  'cho em hỏi',
  'cho cháu hỏi',
  'cho con hỏi',
  'tôi muốn hỏi',
  'em muốn hỏi',
  'hỏi',
  'xin được hỏi',
  'vui lòng cho biết',
  'xin cho biết',
  'đề nghị hướng dẫn',
  'hướng dẫn giúp',
];

export const EMOJI_WEIGHTS: Record<string, number> = {
  '😡': -3,
  '😠': -3,
  '🤬': -3,
  '😤': -2.5,
  '👎': -2.5,
  '😢': -2,
  '😭': -2.5,
  '💢': -2,
  '😞': -2,
  '😩': -2,
  '😫': -2,
  '🙄': -1.5,
  '😒': -1.5,
  '😔': -1.5,
  '👍': 2.5,
  '😊': 2,
  '😀': 2,
  '😃': 2,
  '😄': 2,
  '🥰': 2.5,
  '😍': 2.5,
  '❤': 2.5,
  '❤️': 2.5,
  '💖': 2.5,
  '👏': 2.5,
  '🙏': 1.5,
  '🎉': 2,
  '💯': 2,
  '🌹': 1.5,
  '😋': 2,
  '🤩': 2.5,
  '👌': 2,
  '🤮': -3,
  '💩': -2.5,
  '😑': -1.5,
};

export interface LexiconEntry {
  words: string[];
  weight: number;
}

export const ENTRIES: LexiconEntry[] = GROUPS.flatMap(([weight, phrases]) =>
  phrases.split('|').map((phrase) => ({ words: phrase.split(' '), weight })),
);

/**
 * Frequent words that, once diacritics are gone, spell the same as a tone word (cho/chờ, tôi/tồi,
 * hỏi/hôi, do/dở): in text typed without diacritics a one-word tone entry with such a spelling is
 * not trusted.
 */
export const AMBIGUOUS_WITHOUT_DIACRITICS = new Set(
  'cho toi do so dau doi hoi mat co be on than cat ban lam thu tien con nam nhieu moi tin hay bi sach duc hu om mui bui ton te kem dat re xin em ben ung kho man nhat mac loi hon lao chan moc dinh nguoi rat ngua gion deu tiec rach'.split(
    ' ',
  ),
);
