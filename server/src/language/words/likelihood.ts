const term = (observed: number, expected: number) => (observed > 0 ? observed * Math.log(observed / expected) : 0);

/**
 * Dunning's log-likelihood ratio G² of a 2×2 table [[a, b], [c, d]]: how unlikely the rows and
 * columns are independent. Above 3.84 the chance is under 5 %, above 10.83 under 0.1 %.
 */
export function logLikelihood(a: number, b: number, c: number, d: number): number {
  const total = a + b + c + d;
  if (total === 0) return 0;
  const rows = [a + b, c + d];
  const columns = [a + c, b + d];
  const g2 =
    2 *
    (term(a, (rows[0]! * columns[0]!) / total) +
      term(b, (rows[0]! * columns[1]!) / total) +
      term(c, (rows[1]! * columns[0]!) / total) +
      term(d, (rows[1]! * columns[1]!) / total));
  return Math.max(0, g2);
}
