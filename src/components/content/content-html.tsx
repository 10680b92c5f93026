import type { SanitizedHtml } from "@/lib/content/markdown-html";

/**
 * Markdown already rendered and sanitized by markdownToHtml (src/lib/content/markdown-html.ts) on the server, shown as the lesson
 * content is. Only that function's output may be passed here (its type says so): the sanitizer's, not the author's, HTML.
 */
export function ContentHtml({ html, empty = "This lesson has no text yet." }: { html: SanitizedHtml | null; empty?: string }) {
  if (html === null) return <p className="text-slate-600 dark:text-slate-300">{empty}</p>;
  return <div className="lesson-content" dangerouslySetInnerHTML={{ __html: html }} />;
}
