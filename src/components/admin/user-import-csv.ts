import Papa from "papaparse";
import { IMPORT_COLUMNS, MAX_IMPORT_ROWS, type ImportRowInput, type ImportRowResult } from "@/lib/validation/user-import";

/** The import file, read in the browser: its rows as the API takes them, and the rows that never leave the browser. */
export type ReadFile = { rows: ImportRowInput[]; local: ImportRowResult[]; ignoredColumns: string[] };

/**
 * Reads a CSV (comma, semicolon or tab separated; a header row naming the columns in any order and case) into rows.
 * An address seen on an earlier line is answered here (skipped, naming that line), so batches never split a duplicate.
 * A file without an "email" column, or with more than MAX_IMPORT_ROWS rows, is refused with a message.
 */
export function readImportCsv(text: string): ReadFile | { error: string } {
  const parsed = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ""), {
    header: true,
    skipEmptyLines: "greedy",
    transformHeader: (h) =>
      h
        .trim()
        .toLowerCase()
        .replace(/[\s_-]+/g, ""),
  });
  const columns = parsed.meta.fields ?? [];
  if (!columns.includes("email")) {
    return { error: `The file needs a header row with an “email” column (and ${IMPORT_COLUMNS.filter((c) => c !== "email").join(", ")}).` };
  }
  if (parsed.data.length === 0) return { error: "The file has a header row but no rows." };
  if (parsed.data.length > MAX_IMPORT_ROWS) {
    return {
      error: `The file has ${parsed.data.length.toLocaleString("en")} rows: import at most ${MAX_IMPORT_ROWS.toLocaleString("en")} at a time.`,
    };
  }
  const seen = new Map<string, number>();
  const rows: ImportRowInput[] = [];
  const local: ImportRowResult[] = [];
  parsed.data.forEach((record, index) => {
    // The header is line 1; a quoted cell spanning lines shifts later numbers, which papaparse does not report.
    const line = index + 2;
    const cell = (c: string) => (record[c] ?? "").toString();
    const email = cell("email").trim().toLowerCase();
    const first = email ? seen.get(email) : undefined;
    if (first !== undefined) {
      local.push({ line, email, outcome: "skipped", changes: [], reason: `This address is on line ${first} too.` });
      return;
    }
    if (email) seen.set(email, line);
    rows.push({ line, name: cell("name"), email: cell("email"), role: cell("role"), cohort: cell("cohort"), courses: cell("courses") });
  });
  return { rows, local, ignoredColumns: columns.filter((c) => !(IMPORT_COLUMNS as readonly string[]).includes(c)) };
}

/** The result file: one line per row of the import, in the file's order. */
export function resultCsv(results: ImportRowResult[]): string {
  return Papa.unparse(
    [...results]
      .sort((a, b) => a.line - b.line)
      .map((r) => ({ line: r.line, email: r.email, outcome: r.outcome, changes: r.changes.join("; "), reason: r.reason ?? "" })),
    { columns: ["line", "email", "outcome", "changes", "reason"], escapeFormulae: true },
  );
}
