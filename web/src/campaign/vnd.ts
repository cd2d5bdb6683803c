// Amounts of đồng travel as decimal strings and may exceed 2^53: format them on BigInt, never Number.
const VND_DIGITS = /^\d{1,30}$/;

const grouping = new Intl.NumberFormat('vi-VN');

/** "4377500000" → "4.377.500.000", exact to the đồng whatever the size. */
export function formatVnd(amount: string): string {
  return VND_DIGITS.test(amount) ? grouping.format(BigInt(amount)) : amount;
}

/** A typed amount as the decimal string the API takes, or null when it is not a whole number of đồng. */
export function parseVnd(input: string): string | null {
  const digits = input.replace(/[\s.,]/g, '');
  return VND_DIGITS.test(digits) ? BigInt(digits).toString() : null;
}
