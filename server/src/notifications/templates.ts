import { type ThreadStatus } from '../dialogue/thread-status.js';
import { type NotificationLanguage } from './notification.entity.js';
import { type NotificationTopic } from './notification-topic.js';

/** What a template needs; all of it is read at sending time, nothing is stored as prose. */
export interface MessageFacts {
  topic: NotificationTopic;
  toStatus: ThreadStatus | null;
  threadTitle: string;
  /** The unit transferred or escalated to, for TRANSFERRED, TRANSFERRED_IN and ESCALATED. */
  unitName: string | null;
  threadUrl: string;
  unsubscribeUrl: string;
  /** For an anonymous poster's contact: where to enter the tracking code (never the code itself). */
  followUrl: string | null;
}

export interface RenderedMessage {
  subject: string;
  text: string;
  html: string;
}

interface Texts {
  brand: string;
  status: Record<ThreadStatus, string>;
  topic: Record<NotificationTopic, (facts: MessageFacts, status: string) => string>;
  open: string;
  follow: (url: string) => string;
  unsubscribe: string;
  why: string;
}

const vi: Texts = {
  brand: 'Nghe Dân',
  status: {
    SUBMITTED: 'Đã gửi',
    ROUTED: 'Chờ tiếp nhận',
    ACKNOWLEDGED: 'Đã tiếp nhận',
    IN_PROGRESS: 'Đang xử lý',
    ANSWERED: 'Đã trả lời',
    RESOLVED: 'Đã giải quyết',
    CLOSED: 'Đã đóng',
    REOPENED: 'Mở lại',
    REJECTED: 'Từ chối',
  },
  topic: {
    ROUTED: () => 'Ý kiến của bạn đã được chuyển đến đơn vị có trách nhiệm.',
    REPLIED: () => 'Đơn vị đã trả lời trong luồng ý kiến của bạn.',
    STATUS_CHANGED: (_facts, status) => `Ý kiến của bạn chuyển sang trạng thái “${status}”.`,
    TRANSFERRED: (facts) => `Ý kiến của bạn đã được chuyển cho ${facts.unitName ?? 'đơn vị khác'}.`,
    OVERDUE: () => 'Đơn vị đã quá hạn xử lý ý kiến của bạn; ý kiến đã được báo lên cấp trên.',
    NEW_THREAD: () => 'Đơn vị của bạn nhận một ý kiến mới.',
    REOPENED: () => 'Người dân đã mở lại một ý kiến của đơn vị bạn.',
    TRANSFERRED_IN: () => 'Một ý kiến vừa được chuyển đến đơn vị của bạn.',
    CITIZEN_REPLIED: () => 'Người dân đã phản hồi trong một ý kiến của đơn vị bạn.',
    UNIT_OVERDUE: () => 'Một ý kiến của đơn vị bạn đã quá hạn.',
    ESCALATED: (facts) => `Một ý kiến quá hạn đã được báo lên ${facts.unitName ?? 'cấp trên'} và Ban giám sát.`,
    INITIATIVE_ANSWERED: () => 'Sáng kiến bạn ủng hộ đã được trả lời.',
  },
  open: 'Xem luồng ý kiến',
  follow: (url) => `Bạn gửi ý kiến ẩn danh: mở ${url} và nhập mã theo dõi đã nhận khi gửi để đọc và trả lời.`,
  unsubscribe: 'Ngừng nhận thư',
  why: 'Bạn nhận thư này vì đã đăng ký nhận thông báo từ Nghe Dân.',
};

const en: Texts = {
  brand: 'Nghe Dân',
  status: {
    SUBMITTED: 'Submitted',
    ROUTED: 'Awaiting acknowledgement',
    ACKNOWLEDGED: 'Acknowledged',
    IN_PROGRESS: 'In progress',
    ANSWERED: 'Answered',
    RESOLVED: 'Resolved',
    CLOSED: 'Closed',
    REOPENED: 'Reopened',
    REJECTED: 'Rejected',
  },
  topic: {
    ROUTED: () => 'Your feedback was routed to the unit responsible for it.',
    REPLIED: () => 'The unit replied in your thread.',
    STATUS_CHANGED: (_facts, status) => `Your feedback is now “${status}”.`,
    TRANSFERRED: (facts) => `Your feedback was transferred to ${facts.unitName ?? 'another unit'}.`,
    OVERDUE: () => 'The unit missed a deadline on your feedback; it has been reported upwards.',
    NEW_THREAD: () => 'A new thread came to your unit.',
    REOPENED: () => "A citizen reopened one of your unit's threads.",
    TRANSFERRED_IN: () => 'A thread was transferred to your unit.',
    CITIZEN_REPLIED: () => "The citizen answered back in one of your unit's threads.",
    UNIT_OVERDUE: () => "One of your unit's threads is overdue.",
    ESCALATED: (facts) => `An overdue thread was escalated to ${facts.unitName ?? 'the parent unit'} and the monitors.`,
    INITIATIVE_ANSWERED: () => 'An initiative you supported has been answered.',
  },
  open: 'Open the thread',
  follow: (url) => `You posted anonymously: open ${url} and enter the tracking code you were given to read and reply.`,
  unsubscribe: 'Unsubscribe',
  why: 'You receive this because you asked Nghe Dân to notify you.',
};

const TEXTS: Record<NotificationLanguage, Texts> = { vi, en };

const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

/** One e-mail (or push text) in the reader's language: subject, plain text and HTML. */
export function renderMessage(facts: MessageFacts, language: NotificationLanguage): RenderedMessage {
  const t = TEXTS[language] ?? vi;
  const status = facts.toStatus ? t.status[facts.toStatus] : '';
  const line = t.topic[facts.topic](facts, status);
  const follow = facts.followUrl ? t.follow(facts.followUrl) : null;
  const subject = `[${t.brand}] ${line}`;
  const text = [
    line,
    '',
    `“${facts.threadTitle}”`,
    `${t.open}: ${facts.threadUrl}`,
    ...(follow ? ['', follow] : []),
    '',
    '--',
    t.why,
    `${t.unsubscribe}: ${facts.unsubscribeUrl}`,
    '',
  ].join('\n');
  const html = [
    `<!doctype html><html lang="${language}"><body>`,
    `<p>${escapeHtml(line)}</p>`,
    `<p><strong>${escapeHtml(facts.threadTitle)}</strong></p>`,
    `<p><a href="${escapeHtml(facts.threadUrl)}">${escapeHtml(t.open)}</a></p>`,
    ...(follow ? [`<p>${escapeHtml(follow)}</p>`] : []),
    `<hr><p>${escapeHtml(t.why)} <a href="${escapeHtml(facts.unsubscribeUrl)}">${escapeHtml(t.unsubscribe)}</a></p>`,
    '</body></html>',
  ].join('\n');
  return { subject, text, html };
}

/** A short line for a push notification: the topic alone, no thread title or personal data. */
export function pushLine(
  topic: NotificationTopic,
  toStatus: ThreadStatus | null,
  language: NotificationLanguage,
): string {
  const t = TEXTS[language] ?? vi;
  return t.topic[topic](
    { topic, toStatus, threadTitle: '', unitName: null, threadUrl: '', unsubscribeUrl: '', followUrl: null },
    toStatus ? t.status[toStatus] : '',
  );
}

const DIGEST_TEXTS: Record<NotificationLanguage, { subject: (count: number) => string; intro: string }> = {
  vi: {
    subject: (count) => `[Nghe Dân] Tin tổng hợp trong ngày: ${count} thông báo của đơn vị`,
    intro: 'Những việc mới của đơn vị bạn từ lần tổng hợp trước:',
  },
  en: {
    subject: (count) => `[Nghe Dân] Daily digest: ${count} notifications for your unit`,
    intro: 'What is new for your unit since the last digest:',
  },
};

/** An officer's daily digest: one line per notification with its thread's link. */
export function renderDigest(
  items: Array<{ topic: NotificationTopic; toStatus: ThreadStatus | null; threadTitle: string; threadUrl: string }>,
  unsubscribeUrl: string,
  language: NotificationLanguage,
): RenderedMessage {
  const t = TEXTS[language] ?? vi;
  const d = DIGEST_TEXTS[language] ?? DIGEST_TEXTS.vi;
  const lines = items.map((item) => ({ line: pushLine(item.topic, item.toStatus, language), ...item }));
  const text = [
    d.intro,
    '',
    ...lines.map((item) => `- ${item.line} “${item.threadTitle}”: ${item.threadUrl}`),
    '',
    '--',
    t.why,
    `${t.unsubscribe}: ${unsubscribeUrl}`,
    '',
  ].join('\n');
  const html = [
    `<!doctype html><html lang="${language}"><body>`,
    `<p>${escapeHtml(d.intro)}</p><ul>`,
    ...lines.map(
      (item) =>
        `<li>${escapeHtml(item.line)} <a href="${escapeHtml(item.threadUrl)}">${escapeHtml(item.threadTitle)}</a></li>`,
    ),
    `</ul><hr><p>${escapeHtml(t.why)} <a href="${escapeHtml(unsubscribeUrl)}">${escapeHtml(t.unsubscribe)}</a></p>`,
    '</body></html>',
  ].join('\n');
  return { subject: d.subject(items.length), text, html };
}
