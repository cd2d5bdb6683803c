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
  reason: string;
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
    return { ruleId: null, unitId: fallbackUnitId, reason: 'không có quy tắc phù hợp, chuyển đến nơi tiếp nhận chung' };
  }
  const { rule } = best;
  const where =
    rule.placeId === null ? 'anywhere' : rule.placeId === thread.placePath[0] ? 'this place' : 'an enclosing place';
  const what = rule.categoryId === null ? 'any field' : 'this field';
  return { ruleId: rule.id, unitId: rule.unitId, reason: `rule for ${what} in ${where}` };
}
