/**
 * The privacy notice shown on sign-up and posting (Law on Personal Data Protection 91/2025/QH15):
 * what is collected, why, for how long and who sees it. The one place it is written: the server
 * checks consents against `version`, the web app shows `vi` / `en` through its i18n messages.
 * Change the text → change `version`, and every signed-in person is asked again.
 */
export interface PrivacyNoticeText {
  title: string;
  collected: string;
  purpose: string;
  retention: string;
  audience: string;
  rights: string;
  agree: string;
}

export const PRIVACY_NOTICE = {
  version: '2026-11-30',
  vi: {
    title: 'Thông báo về dữ liệu cá nhân',
    collected:
      'Chúng tôi lưu: tên hiển thị, e-mail, mật khẩu (đã mã hoá), nội dung bạn gửi (tiêu đề, nội dung, địa điểm, tệp đính kèm, đánh giá) và thời điểm gửi.',
    purpose: 'Mục đích: chuyển ý kiến của bạn tới đúng đơn vị, để đơn vị trả lời và để theo dõi thời hạn xử lý.',
    retention:
      'Thời hạn: tài khoản được giữ đến khi bạn đóng nó; ý kiến công khai và câu trả lời của đơn vị được giữ làm hồ sơ công khai; thông tin liên hệ bị xoá theo thời hạn lưu trữ.',
    audience:
      'Ai xem: ý kiến công khai — mọi người (số điện thoại, e-mail, số CCCD được che); ý kiến riêng — chỉ bạn, đơn vị phụ trách, Mặt trận và quản trị viên (mọi lần đọc đều được ghi lại).',
    rights: 'Bạn có thể tải về toàn bộ dữ liệu của mình và đóng tài khoản tại trang "Dữ liệu của tôi".',
    agree: 'Khi tiếp tục, bạn đồng ý với thông báo này.',
  },
  en: {
    title: 'Notice on personal data',
    collected:
      'We keep: your display name, e-mail, password (hashed), what you send (title, text, place, attachments, ratings) and when.',
    purpose: 'Why: to route your feedback to the right unit, so that it answers, and to track its deadlines.',
    retention:
      "How long: your account until you close it; public posts and the units' answers as the public record; contact details are erased after their retention period.",
    audience:
      'Who sees it: public posts — everyone (phone numbers, e-mails and ID numbers masked); private posts — only you, the responsible unit, the Fatherland Front and administrators (every read is logged).',
    rights: 'You can download all your data and close your account on the "My data" page.',
    agree: 'By continuing you agree to this notice.',
  },
} as const satisfies { version: string; vi: PrivacyNoticeText; en: PrivacyNoticeText };

/** Shown instead of the name of a person who closed their account, on everything they wrote. */
export const CLOSED_ACCOUNT_NAME = 'Người dân (đã xoá tài khoản)';
