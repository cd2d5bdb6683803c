import { PRIVACY_NOTICE } from '../../../server/src/shared/privacy-notice';

/** Messages of the personal-data pages; the notice itself comes from its one versioned module. */
export const privacyMessages = {
  vi: {
    privacyNotice: PRIVACY_NOTICE.vi,
    privacy: {
      renewTitle: 'Thông báo về dữ liệu cá nhân đã thay đổi',
      renewIntro: 'Vui lòng đọc thông báo mới (phiên bản {version}) và đồng ý để tiếp tục gửi ý kiến.',
      agree: 'Tôi đồng ý',
      closedAccount: 'Người dân (đã xoá tài khoản)',
    },
    myData: {
      nav: 'Dữ liệu của tôi',
      title: 'Dữ liệu của tôi',
      intro: 'Tải về mọi dữ liệu hệ thống lưu về bạn: tài khoản, ý kiến, tin nhắn, đánh giá, ủng hộ và các lần đồng ý.',
      export: 'Tải dữ liệu của tôi',
      exporting: 'Đang chuẩn bị…',
      ready: 'Dữ liệu đã sẵn sàng ({date}).',
      downloadJson: 'Tải tệp JSON',
      downloadText: 'Tải bản đọc được (.txt)',
      closeTitle: 'Đóng tài khoản',
      closeIntro:
        'Tên, e-mail và mật khẩu của bạn sẽ bị xoá và không thể đăng nhập lại. Ý kiến đã gửi và câu trả lời của đơn vị vẫn được giữ, hiển thị là "Người dân (đã xoá tài khoản)".',
      closeStaff: 'Tài khoản cán bộ do quản trị viên đóng.',
      password: 'Mật khẩu hiện tại',
      confirm: 'Tôi hiểu việc này không thể hoàn tác',
      close: 'Đóng tài khoản vĩnh viễn',
      closed: 'Tài khoản đã được đóng lúc {date}.',
    },
  },
  en: {
    privacyNotice: PRIVACY_NOTICE.en,
    privacy: {
      renewTitle: 'The notice on personal data has changed',
      renewIntro: 'Please read the new notice (version {version}) and agree to keep posting feedback.',
      agree: 'I agree',
      closedAccount: 'Citizen (account closed)',
    },
    myData: {
      nav: 'My data',
      title: 'My data',
      intro:
        'Download everything the system keeps about you: account, feedback, messages, ratings, supports and consents.',
      export: 'Download my data',
      exporting: 'Preparing…',
      ready: 'Your data is ready ({date}).',
      downloadJson: 'Download JSON',
      downloadText: 'Download readable copy (.txt)',
      closeTitle: 'Close account',
      closeIntro:
        'Your name, e-mail and password will be erased and you cannot sign in again. Your feedback and the units\u2019 answers stay, shown as "Citizen (account closed)".',
      closeStaff: 'Staff accounts are closed by an administrator.',
      password: 'Current password',
      confirm: 'I understand this cannot be undone',
      close: 'Close my account for good',
      closed: 'The account was closed at {date}.',
    },
  },
};
