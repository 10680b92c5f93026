import { toHtml } from "hast-util-to-html";
import rehypeSanitize from "rehype-sanitize";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import { unified } from "unified";

/**
 * Markdown to HTML through rehype-sanitize's GitHub schema: raw HTML, scripts, event handlers and javascript: URLs never
 * reach the output (raw HTML nodes are kept through remark-rehype only for the sanitizer to drop them, as react-markdown
 * did). The one renderer of user-written markdown: pages render it on the server (LessonContent) and the APIs that the
 * player's client panels read (a discussion thread, a quiz's questions) send its output beside the markdown, so the
 * parser never ships in the player's JavaScript.
 */
const processor = unified().use(remarkParse).use(remarkGfm).use(remarkRehype, { allowDangerousHtml: true }).use(rehypeSanitize).freeze();

/** HTML that came out of markdownToHtml: the only kind ContentHtml shows. */
export type SanitizedHtml = string & { readonly __sanitized: true };

export function markdownToHtml(markdown: string): SanitizedHtml {
  return toHtml(processor.runSync(processor.parse(markdown))) as SanitizedHtml;
}

/** The same, or null when there is no text (the reader then says so). */
export function optionalMarkdownToHtml(markdown: string | null | undefined): SanitizedHtml | null {
  return markdown?.trim() ? markdownToHtml(markdown) : null;
}
