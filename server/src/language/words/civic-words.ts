/**
 * Words of more than one syllable that citizens and officials use about local government, curated
 * for this project (fields of feedback, works, land, social policy, security, procedures, farming in
 * the Central Highlands). The segmenter joins their syllables into one word; collocations learned
 * from the corpus (collocations.txt, `npm run words:learn`) add to them.
 */
export const CIVIC_WORDS = `
đền bù|bồi thường|giải phóng mặt bằng|mặt bằng|tái định cư|thu hồi đất|quyền sử dụng đất|giấy chứng nhận|sổ đỏ|sổ hồng|
tách thửa|thửa đất|đo đạc|địa chính|quy hoạch|lấn chiếm|tranh chấp|hiến đất|đất đai|đất nông nghiệp|đất ở|đơn giá|
hành lang|lộ giới|mở rộng|bàn giao|chi trả|tiền đền bù|hỗ trợ|kinh phí|ngân sách|
đường|đường sá|đường liên thôn|đường liên xã|đường thôn|đường bê tông|bê tông|nhựa|trải nhựa|ổ gà|ổ voi|xuống cấp|
sạt lở|sụt lún|lầy lội|ngập úng|ngập lụt|cầu treo|cầu tạm|cống|mương|kênh mương|thoát nước|đèn đường|chiếu sáng|
điện|mất điện|cúp điện|nước sạch|nước sinh hoạt|giếng khoan|mất nước|rác thải|bãi rác|thu gom|rác|nước thải|
ô nhiễm|môi trường|mùi hôi|hôi thối|khói bụi|tiếng ồn|trại heo|trại gà|chăn nuôi|xả thải|lò sấy|
công trình|thi công|nghiệm thu|nhà thầu|chủ đầu tư|bong tróc|nứt toác|rút ruột|chất lượng|
nhà văn hóa|trạm y tế|trường học|điểm trường|chợ|sân chơi|nghĩa trang|
nông thôn mới|tiêu chí|hộ nghèo|cận nghèo|hộ khó khăn|bình xét|chính sách|trợ cấp|bảo trợ xã hội|người có công|
gia đình chính sách|thương binh|liệt sĩ|người cao tuổi|người khuyết tật|trẻ mồ côi|học sinh|học bổng|
bảo hiểm y tế|bảo hiểm xã hội|thẻ bảo hiểm|khám chữa bệnh|tiêm chủng|dịch bệnh|sốt xuất huyết|
đồng bào|dân tộc thiểu số|sinh kế|vay vốn|ngân hàng chính sách|giống cây|cây giống|phân bón|
cà phê|sầu riêng|hồ tiêu|bơ|dâu tằm|tái canh|khuyến nông|tập huấn|nứt thân|xì mủ|sâu bệnh|thuốc trừ sâu|
an ninh|trật tự|an ninh trật tự|trộm cắp|mất trộm|ma túy|đánh bạc|cờ bạc|đánh nhau|nẹt pô|đua xe|
tai nạn|tai nạn giao thông|giao thông|xe tải|xe quá tải|tuần tra|camera|
thủ tục|thủ tục hành chính|hồ sơ|một cửa|bộ phận một cửa|dịch vụ công|trực tuyến|căn cước|căn cước công dân|
chứng thực|hộ khẩu|khai sinh|khai tử|đăng ký|giấy tờ|con dấu|lệ phí|trễ hẹn|giấy hẹn|
tiếp công dân|tiếp dân|đối thoại|khiếu nại|tố cáo|kiến nghị|phản ánh|góp ý|sáng kiến|
tham nhũng|lãng phí|tiêu cực|nhũng nhiễu|hạch sách|vòi vĩnh|đạo đức công vụ|cải cách|minh bạch|công khai|
cán bộ|công chức|viên chức|chính quyền|ủy ban|hội đồng|trưởng thôn|tổ trưởng|chủ tịch|bí thư|
công an|dân quân|mặt trận|đoàn thanh niên|hội phụ nữ|hội nông dân|cựu chiến binh|
giáo viên|mầm non|tiểu học|trung học|bán trú|nghỉ học|bỏ học|
lao động|việc làm|xuất khẩu lao động|thất nghiệp|tiền lương|
nhà ở|nhà tạm|dột nát|xây dựng|giấy phép|giấy phép xây dựng|trái phép|sai phép|
phòng cháy|chữa cháy|cháy rừng|phá rừng|lâm tặc|khai thác cát|khai thác|
mưa lớn|lũ quét|hạn hán|thiên tai|cứu trợ|
đi lại|nguy hiểm|khó khăn|bức xúc|lo lắng|chậm trễ|giải quyết|xử lý|kiểm tra|khắc phục|sửa chữa|nâng cấp|
bê tông hóa|trồng cây|cây xanh|vệ sinh|tổng vệ sinh|
vận động|dân vận|dân vận khéo|mô hình|thi đua|khen thưởng|
cảm ơn|hài lòng|tận tình|nhiệt tình|kịp thời|nhanh chóng|
`
  .split('|')
  .map((word) => word.trim())
  .filter((word) => word.includes(' '));

/**
 * One-syllable words that name a thing citizens report on. Other single syllables are too often
 * a fragment of an unlisted word ("lâm" of "lâm vào") or filler to show as a rising word.
 */
export const CONTENT_SYLLABLES = new Set(
  `đường cầu cống mương kênh đèn điện nước rác chợ trường lớp trạm rừng cát đá đất nhà xe heo gà bò trâu vịt cá
  lúa ngô bắp mì sắn chè trà tiêu bơ điều mít cây giống phân thuốc muỗi ruồi chuột khói bụi mùi lửa cháy lũ lụt
  mưa nắng hạn bão sét gió ván cáp cột trụ dây biển tường mái giếng ao hồ suối sông đập đê kè dốc đèo hẻm
  hẻm ngõ hầm lò xưởng trại quán karaoke loa nhạc chó mèo rắn ong sâu trộm cướp ma túy bạc rượu nợ lãi thuế phí
  sổ thẻ giấy đơn dấu lương học thi sách bệnh sốt ho dịch vắc xin`
    .split(/\s+/)
    .filter(Boolean),
);
