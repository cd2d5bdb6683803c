import { describe, expect, it } from 'vitest';
import { chooseRoute, type RuleCandidate } from '../../server/src/dialogue/routing.js';

// village V1 is in commune C1, in district D.
const placePath = ['V1', 'C1', 'D'];
const rule = (id: string, categoryId: string | null, placeId: string | null): RuleCandidate => ({
  id,
  categoryId,
  placeId,
  unitId: `unit-of-${id}`,
});

describe('chooseRoute', () => {
  it.each([
    [
      'the village rule beats the commune and district rules',
      [rule('d', 'LAND', 'D'), rule('c', 'LAND', 'C1'), rule('v', 'LAND', 'V1')],
      'v',
    ],
    ['the commune rule beats the district rule', [rule('d', 'LAND', 'D'), rule('c', 'LAND', 'C1')], 'c'],
    [
      'a place rule for any field beats a district rule for the field',
      [rule('d', 'LAND', 'D'), rule('c', null, 'C1')],
      'c',
    ],
    [
      'on one place, the field rule beats the any-field rule',
      [rule('any', null, 'C1'), rule('land', 'LAND', 'C1')],
      'land',
    ],
    ['a rule for another field never matches', [rule('sec', 'SECURITY', 'V1'), rule('d', 'LAND', 'D')], 'd'],
    ['a rule for another place never matches', [rule('other', 'LAND', 'C2'), rule('any', null, null)], 'any'],
    [
      'an anywhere rule for the field beats the catch-all',
      [rule('all', null, null), rule('land', 'LAND', null)],
      'land',
    ],
  ])('%s', (_label, rules, expected) => {
    expect(chooseRoute(rules, { categoryId: 'LAND', placePath }, 'fallback').ruleId).toBe(expected);
  });

  it('falls back to the given unit, saying why, when nothing matches', () => {
    const choice = chooseRoute([rule('sec', 'SECURITY', null)], { categoryId: 'LAND', placePath }, 'reception');
    expect(choice).toEqual({
      ruleId: null,
      unitId: 'reception',
      reasonCode: 'ROUTED_FALLBACK',
      reasonParams: {},
    });
  });
});
