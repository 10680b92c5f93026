/**
 * CSV as RFC 4180 writes it (CRLF line ends, fields with a comma, quote or line break quoted, quotes doubled), with
 * text that a spreadsheet would run as a formula (starting with = + - @, a tab or a carriage return) prefixed by an
 * apostrophe, so that a learner's name cannot become a formula on the instructor's machine.
 */

export type CsvValue = string | number | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return "";
  let text = String(value);
  if (typeof value === "string" && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export const csvLine = (values: readonly CsvValue[]) => `${values.map(csvCell).join(",")}\r\n`;

/** A file name part from a title: lower-case letters and digits joined by hyphens, at most 60 characters. */
export function slugify(title: string, fallback: string): string {
  const slug = title
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .slice(0, 60)
    .replace(/^-+|-+$/g, "");
  return slug || fallback;
}

/** A file to download: its name and its bytes, produced while they are sent. */
export type CsvDownload = { fileName: string; body: ReadableStream<Uint8Array> };
