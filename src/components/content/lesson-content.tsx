import { ContentHtml } from "./content-html";
import { optionalMarkdownToHtml } from "@/lib/content/markdown-html";

/**
 * Lesson content: markdown rendered through rehype-sanitize's GitHub schema (src/lib/content/markdown-html.ts), so raw HTML, scripts,
 * event handlers and javascript: URLs never reach the page. Server components render it; of the client components only
 * the editors' live previews do (the player's client panels get the HTML from the API and show it with ContentHtml).
 */
export function LessonContent({ markdown }: { markdown: string | null }) {
  return <ContentHtml html={optionalMarkdownToHtml(markdown)} />;
}
