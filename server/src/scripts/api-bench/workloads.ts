import { PRIVACY_NOTICE } from '../../shared/privacy-notice.js';
// What bench:api asks, exactly as the web app asks it: the documents are the web's own operation
// files (web/src/graphql/operations), the variables those its pages send.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../../config.js';

export type WorkloadName = 'board' | 'inbox' | 'thread' | 'post';
export const WORKLOADS: WorkloadName[] = ['board', 'inbox', 'thread', 'post'];

const OPERATIONS = path.join(projectRoot, 'web/src/graphql/operations');

/** The web's operation `name` with every fragment it spreads, transitively (each file holds one definition). */
function operation(name: string): string {
  const files = new Set<string>();
  const visit = (file: string) => {
    if (files.has(file)) return;
    files.add(file);
    const text = readFileSync(path.join(OPERATIONS, `${file}.graphql`), 'utf8');
    for (const [, fragment] of text.matchAll(/\.\.\.\s*([A-Za-z_]\w*)/g)) visit(fragment!);
  };
  visit(name);
  return [...files].map((file) => readFileSync(path.join(OPERATIONS, `${file}.graphql`), 'utf8')).join('\n');
}

export const DOCUMENTS: Record<WorkloadName, string> = {
  // BoardPage.vue: useThreadList with empty filters, NEWEST, 20 a page.
  board: operation('Threads'),
  // InboxPage.vue as an officer: the unit's threads by deadline.
  inbox: operation('Threads'),
  // ThreadPage.vue.
  thread: operation('Thread'),
  // ThreadPostForm.vue.
  post: operation('PostFeedback'),
};

/** 300 characters of Vietnamese, as a citizen writes it. */
export const POST_BODY = (
  'Đoạn đường liên thôn qua thôn 3 bị sạt lở nghiêm trọng sau trận mưa lớn tuần trước, ' +
  'mặt đường nứt toác, nhiều ổ gà sâu, xe máy và xe chở nông sản đi lại rất nguy hiểm, đã có người bị ngã. ' +
  'Bà con đề nghị Ủy ban nhân dân xã sớm cử cán bộ xuống kiểm tra, lắp biển cảnh báo và có kế hoạch sửa chữa trước mùa thu hoạch cà phê.'
)
  .padEnd(300, '.')
  .slice(0, 300);

export interface Targets {
  officerUnitId: string;
  dialogueThreadId: string;
  categoryId: string;
  placeId: string;
}

/** The GraphQL request body of one request of `name`; posting gets a fresh idempotency key each time. */
export function requestBody(name: WorkloadName, targets: Targets): string {
  switch (name) {
    case 'board':
      return JSON.stringify({ query: DOCUMENTS.board, variables: { filter: {}, orderBy: 'NEWEST', first: 20 } });
    case 'inbox':
      return JSON.stringify({
        query: DOCUMENTS.inbox,
        variables: { filter: { unitId: targets.officerUnitId }, orderBy: 'DEADLINE', first: 20 },
      });
    case 'thread':
      return JSON.stringify({ query: DOCUMENTS.thread, variables: { id: targets.dialogueThreadId } });
    case 'post':
      return JSON.stringify({
        query: DOCUMENTS.post,
        variables: {
          input: {
            kind: 'REPORT',
            title: 'Đường liên thôn bị sạt lở',
            body: POST_BODY,
            categoryId: targets.categoryId,
            placeId: targets.placeId,
            isPublic: true,
            anonymous: true,
            idempotencyKey: randomUUID(),
            consentVersion: PRIVACY_NOTICE.version,
          },
        },
      });
  }
}
