/**
 * Vietnamese function words, pronouns, particles, numbers and civic boilerplate that would top
 * every word count ("của", "và", "là", "đề nghị", "bà con"), and the words of administrative
 * levels ("xã", "thôn"): never rising words, whatever their count.
 */
export const STOP_WORDS = new Set(
  `của và là các những có không được cho với đã đang sẽ thì mà này đó kia ở tại trong ngoài ra vào lên xuống
  một hai ba bốn năm sáu bảy tám chín mười trăm nghìn ngàn triệu tỷ người nhà tôi tui em anh chị ông bà cô chú bác
  con cháu mình chúng ta họ cũng rất quá lắm nhưng vì nên để khi nếu từ đến tới theo về như gì nào ai đâu sao ạ nhé
  nha vậy rồi còn lại đi làm bị nữa thôi hết luôn chỉ vẫn mới xin hỏi cảm ơn cám xã thôn huyện tỉnh thị trấn ubnd tổ
  phố khu đây đấy thế này kia bao nhiêu giờ ngày tháng năm lần cái chiếc việc khi nào đề nghị kiến nghị mong muốn
  hay hoặc ra sao vậy thì nhà nước bà con người dân dân cán bộ qua lúc sau trước đều nhiều ít chưa mấy trên dưới
  cùng bằng cả mỗi mọi từng vừa sắp đây hiện nay hôm nay hôm qua tuần tối sáng chiều trưa đêm năm nay gần xa
  hơn nhất thật vẫn còn đã được phải cần muốn biết thấy nói bảo hỏi nghe xem nhờ giúp mong xin phép ạ ơi à ừ nhỉ
  chứ mà thôi kìa đó đấy nhé nha nghen hen ha hả hử trời ôi ơi các anh các chị quý anh chị đồng chí
  ấy thế vậy nọ kia nọ này nè đó đây tụi bọn chúng nó mày tao người ta ai nấy gì đâu sao bao nhiêu mấy
  đấy đâu nhưng mà tuy nhiên song tuy vì vậy do đó cho nên nên vì thế bởi vì tại vì nếu như giả sử
  rằng là thì mà nơi chỗ phần bên cạnh giữa khoảng tầm gần như hầu hết toàn bộ tất cả đa số
  ông bà anh chị em bác cô chú dì cậu mợ thím con cháu bạn
  ubnd hđnd mttq ủy ban nhân dân hội đồng nhân dân chính quyền địa phương bà con nhân dân người dân cử tri
  phường tổ dân phố ấp bản buôn làng thị xã thành phố quận
  kính gửi trân trọng kính đề nghị xem xét giải quyết kính mong kính thưa
  giùm dùm giúp đỡ với vô ra dìa coi hổm bữa nay mai mốt`
    .split(/\s+/)
    .filter(Boolean),
);

/** Multi-syllable stop phrases (the segmenter joins them, so they are matched whole). */
export const STOP_PHRASES = [
  'bà con',
  'người dân',
  'nhân dân',
  'cán bộ',
  'nhà nước',
  'đề nghị',
  'kiến nghị',
  'mong muốn',
  'cảm ơn',
  'xin phép',
  'hôm nay',
  'hôm qua',
  'hiện nay',
  'năm nay',
  'thị trấn',
  'tổ dân phố',
  'ủy ban',
  'ủy ban nhân dân',
  'hội đồng nhân dân',
  'chính quyền',
  'địa phương',
  'kính gửi',
  'trân trọng',
  'xem xét',
  'giải quyết',
  'bao nhiêu',
  'tuy nhiên',
  'vì vậy',
  'do đó',
  'cho nên',
  'vì thế',
  'bởi vì',
  'tại vì',
  'nếu như',
  'giả sử',
  'người ta',
  'tất cả',
  'toàn bộ',
  'đa số',
  'hầu hết',
  'phản ánh',
  'góp ý',
  'thành phố',
  'thị xã',
];
for (const phrase of STOP_PHRASES) STOP_WORDS.add(phrase);
