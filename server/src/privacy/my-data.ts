/** Everything held about one person, as they download it (JSON), and as a readable text file. */
export interface MyData {
  generatedAt: string;
  noticeVersion: string;
  account: {
    id: string;
    email: string;
    displayName: string;
    role: string;
    createdAt: string;
    consentVersion: string | null;
    consentedAt: string | null;
  };
  threads: Array<{
    id: string;
    kind: string;
    title: string;
    body: string;
    isPublic: boolean;
    status: string;
    category: string;
    place: string;
    unit: string;
    address: string | null;
    latitude: number | null;
    longitude: number | null;
    createdAt: string;
  }>;
  messages: Array<{ id: string; threadId: string; body: string; createdAt: string }>;
  ratings: Array<{ threadId: string; rating: number; comment: string | null }>;
  supports: Array<{ threadId: string; title: string; supportedAt: string }>;
  uploads: Array<{
    id: string;
    threadId: string | null;
    fileName: string;
    contentType: string;
    byteSize: number;
    uploadedAt: string;
  }>;
  consents: Array<{ noticeVersion: string; occasion: string; givenAt: string }>;
  requests: Array<{ id: string; kind: string; requestedAt: string; completedAt: string | null }>;
}

const section = (heading: string, lines: string[]): string =>
  [`== ${heading} ==`, ...(lines.length === 0 ? ['(không có / none)'] : lines), ''].join('\n');

/** The same data as a plain-text summary a person can read, headings in Vietnamese and English. Pure. */
export function myDataText(data: MyData): string {
  const { account } = data;
  return [
    `Dữ liệu của tôi / My data — Nghe Dân`,
    `Tạo lúc / Generated at: ${data.generatedAt}`,
    '',
    section('Tài khoản / Account', [
      `Mã / Id: ${account.id}`,
      `E-mail: ${account.email}`,
      `Tên hiển thị / Display name: ${account.displayName}`,
      `Vai trò / Role: ${account.role}`,
      `Tạo lúc / Created: ${account.createdAt}`,
      `Đồng ý thông báo / Notice agreed: ${account.consentVersion ?? '—'} (${account.consentedAt ?? '—'})`,
    ]),
    section(
      `Ý kiến đã gửi / Threads (${data.threads.length})`,
      data.threads.flatMap((thread) => [
        `- [${thread.createdAt}] ${thread.title} (${thread.isPublic ? 'công khai / public' : 'riêng / private'}, ${thread.status})`,
        `  ${thread.category} · ${thread.place} → ${thread.unit}${thread.address ? ` · ${thread.address}` : ''}`,
        ...thread.body.split('\n').map((line) => `  ${line}`),
      ]),
    ),
    section(
      `Tin nhắn / Messages (${data.messages.length})`,
      data.messages.map((message) => `- [${message.createdAt}] (${message.threadId}) ${message.body}`),
    ),
    section(
      `Đánh giá / Ratings (${data.ratings.length})`,
      data.ratings.map(
        (rating) => `- ${rating.threadId}: ${rating.rating}/5${rating.comment ? ` — ${rating.comment}` : ''}`,
      ),
    ),
    section(
      `Ủng hộ / Supports (${data.supports.length})`,
      data.supports.map((support) => `- [${support.supportedAt}] ${support.title}`),
    ),
    section(
      `Tệp đã tải lên / Uploads (${data.uploads.length})`,
      data.uploads.map(
        (upload) => `- [${upload.uploadedAt}] ${upload.fileName} (${upload.contentType}, ${upload.byteSize} B)`,
      ),
    ),
    section(
      `Đồng ý / Consents (${data.consents.length})`,
      data.consents.map((consent) => `- [${consent.givenAt}] ${consent.noticeVersion} (${consent.occasion})`),
    ),
    section(
      `Yêu cầu về dữ liệu / Data requests (${data.requests.length})`,
      data.requests.map((entry) => `- ${entry.kind}: ${entry.requestedAt} → ${entry.completedAt ?? '—'}`),
    ),
  ].join('\n');
}
