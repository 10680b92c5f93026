import type { CsvDownload } from "@/lib/analytics/csv";

/** A CSV download as an attachment that no shared cache may keep: exports name people (and learners' e-mail addresses). */
export function csvResponse({ fileName, body }: CsvDownload): Response {
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${fileName}"`,
      "Cache-Control": "private, no-store",
    },
  });
}
