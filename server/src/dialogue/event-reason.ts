/**
 * Why the system did something to a thread, as a code with parameters: translated where it is
 * shown (vi, en), never stored as prose. What a person wrote (a transfer or rejection reason, a
 * rating comment) stays in `ThreadEvent.reason`. Add a code here, its description below and its
 * texts in the web app's `reason.*` messages.
 */
export enum ReasonCode {
  /** Params: `field` THIS | ANY, `place` HERE | ENCLOSING | ANYWHERE. */
  ROUTED_BY_RULE = 'ROUTED_BY_RULE',
  ROUTED_FALLBACK = 'ROUTED_FALLBACK',
  ACKNOWLEDGE_OVERDUE = 'ACKNOWLEDGE_OVERDUE',
  ANSWER_OVERDUE = 'ANSWER_OVERDUE',
  /** Params: `missed` ACKNOWLEDGE | ANSWER | BOTH. */
  ESCALATED_OVERDUE = 'ESCALATED_OVERDUE',
  /** A transfer by a reorganisation of units. Params: `decisionReference`, `effectiveOn` (YYYY-MM-DD), `fromUnit`, `toUnit` (names). */
  REORGANISED = 'REORGANISED',
  /** Closed as a duplicate. Params: `original` (thread id), `title` (its title, personal data masked). */
  DUPLICATE_OF = 'DUPLICATE_OF',
}

export type ReasonParams = Record<string, string>;
