// CSV for Excel: UTF-8 with a byte-order mark, CRLF line ends, RFC 4180 quoting.
const BOM = '\uFEFF';
const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;
/** Text a spreadsheet would run as a formula (CSV injection); numbers never get here. */
const FORMULA_START = /^[=+\-@\t\r]/;

export type Cell = string | number | bigint | null;

export function csvCell(value: Cell): string {
  if (value === null) return '';
  if (typeof value !== 'string') return value.toString();
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(rows: Cell[][]): string {
  return BOM + rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
