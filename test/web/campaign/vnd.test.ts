import { describe, expect, it } from 'vitest';
import { formatVnd, parseVnd } from '../../../web/src/campaign/vnd';

describe('VND amounts', () => {
  it.each([
    ['0', '0'],
    ['4377500000', '4.377.500.000'],
    ['9007199254740993', '9.007.199.254.740.993'],
    ['123456789012345678901234567890', '123.456.789.012.345.678.901.234.567.890'],
  ])('formats %s exactly as %s', (amount, text) => {
    expect(formatVnd(amount)).toBe(text);
  });

  it.each([
    ['150000000', '150000000'],
    ['1.500.000', '1500000'],
    [' 2 000 000 ', '2000000'],
    ['007', '7'],
    ['9007199254740993', '9007199254740993'],
    ['-5', null],
    ['1,5e6', null],
    ['', null],
    ['abc', null],
  ])('reads %j as %j', (input, amount) => {
    expect(parseVnd(input)).toBe(amount);
  });
});
