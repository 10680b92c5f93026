"use client";

import { Download, FileUp } from "lucide-react";
import { useId, useState } from "react";
import { readImportCsv, resultCsv, type ReadFile } from "@/components/admin/user-import-csv";
import { ProgressBar } from "@/components/learning/progress-bar";
import { buttonStyles } from "@/components/ui/button-styles";
import { badgeStyles, tableStyles } from "@/components/ui/table-styles";
import { sendJson } from "@/lib/http/client-json";
import { IMPORT_BATCH_SIZE, type ImportOutcome, type ImportRowResult } from "@/lib/validation/user-import";

type Phase =
  | { name: "idle" }
  | { name: "checking" | "importing"; done: number; total: number }
  | { name: "checked" | "imported"; results: ImportRowResult[] }
  | { name: "stopped"; results: ImportRowResult[]; message: string; wasImporting: boolean };

const PROBLEMS_PAGE = 25;
const count = (n: number) => n.toLocaleString("en");

function tally(results: ImportRowResult[]) {
  const t: Record<ImportOutcome, number> = { created: 0, updated: 0, unchanged: 0, skipped: 0 };
  results.forEach((r) => (t[r.outcome] += 1));
  return t;
}

const outcomeBadge: Record<ImportOutcome, string> = {
  created: badgeStyles.green,
  updated: badgeStyles.indigo,
  unchanged: badgeStyles.slate,
  skipped: badgeStyles.red,
};

/**
 * The bulk import: choose a CSV, check it (a dry run of every row, batch by batch: nothing is written), read the
 * per-row problems, then import (the same batches, each one transaction) with a progress bar, and download the result
 * file. A stopped import is resumed by importing the file again: rows done already come back unchanged.
 */
export function UserImport() {
  const fileId = useId();
  const inviteId = useId();
  const [file, setFile] = useState<{ name: string; read: ReadFile } | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [invite, setInvite] = useState(true);
  const [phase, setPhase] = useState<Phase>({ name: "idle" });
  const [problemsPage, setProblemsPage] = useState(1);

  async function choose(chosen: File | undefined) {
    setPhase({ name: "idle" });
    setFile(null);
    setFileError(null);
    if (!chosen) return;
    const read = readImportCsv(await chosen.text());
    if ("error" in read) setFileError(read.error);
    else setFile({ name: chosen.name, read });
  }

  /** Sends the rows batch by batch; stops at the first batch the server refuses, keeping what was answered. */
  async function runBatches(dryRun: boolean) {
    if (!file) return;
    const { rows, local } = file.read;
    const results: ImportRowResult[] = [...local];
    const step = dryRun ? "checking" : "importing";
    setProblemsPage(1);
    setPhase({ name: step, done: 0, total: rows.length });
    // About 20 steps for the progress bar, whatever the file's size, within what one request may carry.
    const size = Math.min(IMPORT_BATCH_SIZE, Math.max(10, Math.ceil(rows.length / 20)));
    for (let i = 0; i < rows.length; i += size) {
      const batch = rows.slice(i, i + size);
      const answer = await sendJson<{ results: ImportRowResult[] }>("/api/admin/users/import", { rows: batch, dryRun, invite });
      if (!answer.ok) {
        const where = `at line ${batch[0]!.line}`;
        setPhase({ name: "stopped", results, message: `${answer.error.message} (${where})`, wasImporting: !dryRun });
        return;
      }
      results.push(...answer.data.results);
      setPhase({ name: step, done: Math.min(rows.length, i + batch.length), total: rows.length });
    }
    results.sort((a, b) => a.line - b.line);
    setPhase({ name: dryRun ? "checked" : "imported", results });
  }

  function downloadResults(results: ImportRowResult[]) {
    const url = URL.createObjectURL(new Blob([resultCsv(results)], { type: "text/csv" }));
    const link = document.createElement("a");
    link.href = url;
    link.download = `import-result-${file?.name.replace(/\.csv$/i, "") ?? "users"}.csv`;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }

  const busy = phase.name === "checking" || phase.name === "importing";
  const results = "results" in phase ? phase.results : null;
  const problems = results?.filter((r) => r.outcome === "skipped") ?? [];
  const pageCount = Math.max(1, Math.ceil(problems.length / PROBLEMS_PAGE));
  const shown = problems.slice((problemsPage - 1) * PROBLEMS_PAGE, problemsPage * PROBLEMS_PAGE);
  const t = results ? tally(results) : null;
  const willWrite = t ? t.created + t.updated : 0;

  return (
    <div className="flex min-w-0 flex-col gap-6">
      <section aria-labelledby={`${fileId}-heading`} className="flex flex-col gap-3">
        <h2 id={`${fileId}-heading`} className="text-xl font-semibold">
          1. Choose the file
        </h2>
        <p className="flex min-w-0 flex-col gap-1">
          <label htmlFor={fileId} className="text-sm font-medium">
            CSV file
          </label>
          <input
            id={fileId}
            type="file"
            accept=".csv,text/csv"
            disabled={busy}
            aria-describedby={`${fileId}-hint`}
            onChange={(event) => void choose(event.currentTarget.files?.[0])}
            className="max-w-full text-sm file:mr-3 file:rounded-lg file:border file:border-slate-300 file:bg-white file:px-3 file:py-2 file:text-slate-900 dark:file:border-slate-600 dark:file:bg-slate-900 dark:file:text-slate-100"
          />
          <span id={`${fileId}-hint`} className="text-sm text-slate-700 dark:text-slate-300">
            Columns: name, email, role (learner or instructor; empty for learner), cohort (made if new), courses (slugs or exact titles,
            separated by “;”). Up to 20,000 rows.
          </span>
        </p>
        <p className="text-sm">
          <a
            href="/templates/users-import.csv"
            download
            className="inline-flex items-center gap-1 font-medium text-indigo-700 underline dark:text-indigo-300"
          >
            <FileUp aria-hidden className="size-4" /> Download a template
          </a>
        </p>
        <p className="flex items-start gap-2">
          <input
            id={inviteId}
            type="checkbox"
            checked={invite}
            disabled={busy}
            onChange={(event) => setInvite(event.currentTarget.checked)}
            className="mt-1 size-4"
          />
          <label htmlFor={inviteId} className="text-sm">
            Mail each new account an invitation to set its password (without it, people sign in with a magic link or “Forgot password”).
          </label>
        </p>
        {fileError && (
          <p
            role="alert"
            className="rounded-lg border border-red-700 bg-red-50 p-3 text-red-900 dark:border-red-400 dark:bg-red-950 dark:text-red-100"
          >
            {fileError}
          </p>
        )}
        {file && (
          <p className="text-sm text-slate-700 dark:text-slate-300">
            {file.name}: {count(file.read.rows.length + file.read.local.length)} rows.
            {file.read.ignoredColumns.length > 0 && ` Columns ignored: ${file.read.ignoredColumns.join(", ")}.`}
          </p>
        )}
      </section>

      <section aria-labelledby={`${fileId}-check`} className="flex flex-col gap-3">
        <h2 id={`${fileId}-check`} className="text-xl font-semibold">
          2. Check, then import
        </h2>
        <div className="flex flex-wrap gap-3">
          <button type="button" className={buttonStyles.secondary} disabled={!file || busy} onClick={() => void runBatches(true)}>
            Check the rows
          </button>
          {phase.name === "checked" && willWrite > 0 && (
            <button type="button" className={buttonStyles.primary} onClick={() => void runBatches(false)}>
              Import {count(willWrite)} {willWrite === 1 ? "row" : "rows"}
            </button>
          )}
          {phase.name === "stopped" && phase.wasImporting && (
            <button type="button" className={buttonStyles.primary} onClick={() => void runBatches(false)}>
              Import the file again
            </button>
          )}
        </div>
        {busy && (
          <div className="flex flex-col gap-1">
            <ProgressBar
              value={(phase.done / Math.max(1, phase.total)) * 100}
              label={phase.name === "checking" ? "Checking the rows" : "Importing the rows"}
            />
            <p aria-live="polite" className="text-sm text-slate-700 dark:text-slate-300">
              {phase.name === "checking" ? "Checked" : "Imported"} {count(phase.done)} of {count(phase.total)} rows…
            </p>
          </div>
        )}
        <div aria-live="polite" className="flex flex-col gap-3">
          {phase.name === "stopped" && (
            <p
              role="alert"
              className="rounded-lg border border-red-700 bg-red-50 p-3 text-red-900 dark:border-red-400 dark:bg-red-950 dark:text-red-100"
            >
              Stopped: {phase.message}.{" "}
              {phase.wasImporting
                ? "The rows before it are imported; importing the file again goes on from there (rows already done come back unchanged)."
                : "Nothing was written."}
            </p>
          )}
          {t && phase.name === "checked" && (
            <p>
              Nothing is written yet. Importing would create {count(t.created)} {t.created === 1 ? "account" : "accounts"}, update{" "}
              {count(t.updated)}, leave {count(t.unchanged)} unchanged and skip {count(t.skipped)} {t.skipped === 1 ? "row" : "rows"} with
              problems.
            </p>
          )}
          {t && phase.name === "imported" && (
            <p>
              Imported: {count(t.created)} created, {count(t.updated)} updated, {count(t.unchanged)} unchanged, {count(t.skipped)} skipped.
            </p>
          )}
        </div>
        {results && (
          <p>
            <button type="button" className={buttonStyles.secondary} onClick={() => downloadResults(results)}>
              <Download aria-hidden className="size-4" /> Download the {phase.name === "imported" ? "result" : "check"} as CSV
            </button>
          </p>
        )}
      </section>

      {results && problems.length > 0 && (
        <section aria-labelledby={`${fileId}-problems`} className="flex min-w-0 flex-col gap-3">
          <h2 id={`${fileId}-problems`} className="text-xl font-semibold">
            Rows skipped ({count(problems.length)})
          </h2>
          <div className={tableStyles.wrapper} role="region" aria-label="Skipped rows table" tabIndex={0}>
            <table className={tableStyles.table}>
              <caption className={tableStyles.caption}>Rows skipped, with the reason</caption>
              <thead>
                <tr>
                  <th scope="col" className={tableStyles.th}>
                    Line
                  </th>
                  <th scope="col" className={tableStyles.th}>
                    E-mail
                  </th>
                  <th scope="col" className={tableStyles.th}>
                    Reason
                  </th>
                </tr>
              </thead>
              <tbody>
                {shown.map((r) => (
                  <tr key={r.line}>
                    <td className={`${tableStyles.td} tabular-nums`}>{r.line}</td>
                    <td className={`${tableStyles.td} break-all`}>{r.email || "—"}</td>
                    <td className={tableStyles.td}>
                      <span className={outcomeBadge.skipped}>skipped</span> {r.reason}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {pageCount > 1 && (
            <nav aria-label="Pages of skipped rows" className="flex flex-wrap items-center gap-3 text-sm">
              <button
                type="button"
                className={buttonStyles.secondary}
                disabled={problemsPage === 1}
                onClick={() => setProblemsPage((p) => p - 1)}
              >
                Previous
              </button>
              <span>
                Page {problemsPage} of {pageCount}
              </span>
              <button
                type="button"
                className={buttonStyles.secondary}
                disabled={problemsPage === pageCount}
                onClick={() => setProblemsPage((p) => p + 1)}
              >
                Next
              </button>
            </nav>
          )}
        </section>
      )}

      {results && (
        <section aria-labelledby={`${fileId}-first`} className="flex min-w-0 flex-col gap-3">
          <h2 id={`${fileId}-first`} className="text-xl font-semibold">
            The first rows
          </h2>
          <div className={tableStyles.wrapper} role="region" aria-label="First rows table" tabIndex={0}>
            <table className={tableStyles.table}>
              <caption className={tableStyles.caption}>What the first 10 rows {phase.name === "imported" ? "did" : "would do"}</caption>
              <thead>
                <tr>
                  <th scope="col" className={tableStyles.th}>
                    Line
                  </th>
                  <th scope="col" className={tableStyles.th}>
                    E-mail
                  </th>
                  <th scope="col" className={tableStyles.th}>
                    Outcome
                  </th>
                  <th scope="col" className={tableStyles.th}>
                    Changes
                  </th>
                </tr>
              </thead>
              <tbody>
                {results.slice(0, 10).map((r) => (
                  <tr key={r.line}>
                    <td className={`${tableStyles.td} tabular-nums`}>{r.line}</td>
                    <td className={`${tableStyles.td} break-all`}>{r.email || "—"}</td>
                    <td className={tableStyles.td}>
                      <span className={outcomeBadge[r.outcome]}>{r.outcome}</span>
                    </td>
                    <td className={tableStyles.td}>{r.reason ?? (r.changes.join("; ") || "nothing to change")}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}
    </div>
  );
}
