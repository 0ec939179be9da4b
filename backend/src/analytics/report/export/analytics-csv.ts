/**
 * A small RFC 4180 CSV writer for analytics exports: CRLF line ends, fields quoted when they
 * hold a comma, quote, CR or LF, quotes doubled. Text cells that a spreadsheet would run as a
 * formula (starting with = + - @, tab or CR) get a leading apostrophe, so an exported comment
 * like `=HYPERLINK(…)` stays text (OWASP "CSV injection"). Numbers are written as they are.
 */

export type CsvCell = string | number | boolean | null | undefined;

/** One table of the file: a title line, a header line, then the rows. */
export interface CsvTable {
  title: string;
  columns: string[];
  rows: CsvCell[][];
}

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

export function csvCell(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(cells: CsvCell[]): string {
  return cells.map(csvCell).join(',');
}

/**
 * Several tables in one file, separated by an empty line; each starts with its title alone
 * on a line, then its column names. Ends with CRLF.
 */
export function toCsv(tables: CsvTable[]): string {
  const blocks = tables.map((table) =>
    [csvLine([table.title]), csvLine(table.columns), ...table.rows.map(csvLine)].join('\r\n'),
  );
  return `${blocks.join('\r\n\r\n')}\r\n`;
}
