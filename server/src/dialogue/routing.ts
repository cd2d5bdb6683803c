import { ReasonCode, type ReasonParams } from './event-reason.js';

/** A routing rule reduced to what choosing needs: null means "any field" or "anywhere". */
export interface RuleCandidate {
  id: string;
  categoryId: string | null;
  placeId: string | null;
  unitId: string;
}

export interface RouteChoice {
  ruleId: string | null;
  unitId: string;
  reasonCode: ReasonCode;
  reasonParams: ReasonParams;
}

/**
 * Picks the rule for a thread's field and place. `placePath` runs from the place itself up to the
 * root (village → commune → district). The most specific place wins; between rules on the same
 * place, a rule for the field beats a rule for any field. With no match, `fallbackUnitId`.
 */
export function chooseRoute(
  rules: readonly RuleCandidate[],
  thread: { categoryId: string; placePath: readonly string[] },
  fallbackUnitId: string,
): RouteChoice {
  let best: { rule: RuleCandidate; score: number } | undefined;
  for (const rule of rules) {
    if (rule.categoryId !== null && rule.categoryId !== thread.categoryId) continue;
    const placeRank = rule.placeId === null ? thread.placePath.length : thread.placePath.indexOf(rule.placeId);
    if (placeRank < 0) continue;
    // Lower rank = more specific place; the field breaks ties.
    const score = (thread.placePath.length - placeRank) * 2 + (rule.categoryId === null ? 0 : 1);
    if (!best || score > best.score) best = { rule, score };
  }
  if (!best) {
    return { ruleId: null, unitId: fallbackUnitId, reasonCode: ReasonCode.ROUTED_FALLBACK, reasonParams: {} };
  }
  const { rule } = best;
  const place = rule.placeId === null ? 'ANYWHERE' : rule.placeId === thread.placePath[0] ? 'HERE' : 'ENCLOSING';
  const field = rule.categoryId === null ? 'ANY' : 'THIS';
  return {
    ruleId: rule.id,
    unitId: rule.unitId,
    reasonCode: ReasonCode.ROUTED_BY_RULE,
    reasonParams: { field, place },
  };
}
