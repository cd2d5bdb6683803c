import { registerEnumType } from 'type-graphql';

export enum FeedbackKind {
  REPORT = 'REPORT',
  PETITION = 'PETITION',
  COMMENT = 'COMMENT',
  QUESTION = 'QUESTION',
  INITIATIVE = 'INITIATIVE',
}

registerEnumType(FeedbackKind, {
  name: 'FeedbackKind',
  description: 'What a citizen is posting.',
  valuesConfig: {
    REPORT: { description: 'Phản ánh: a report of a problem.' },
    PETITION: { description: 'Kiến nghị: a petition or recommendation.' },
    COMMENT: { description: 'Góp ý: a comment on a policy.' },
    QUESTION: { description: 'Câu hỏi: a question.' },
    INITIATIVE: { description: 'Sáng kiến: an initiative from the grassroots.' },
  },
});

/** Kinds that other citizens can support (+1). */
export const SUPPORTABLE_KINDS: readonly FeedbackKind[] = [FeedbackKind.INITIATIVE, FeedbackKind.PETITION];
