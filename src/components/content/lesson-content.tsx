import Markdown from "react-markdown";
import rehypeSanitize from "rehype-sanitize";
import remarkGfm from "remark-gfm";

/**
 * Lesson content: markdown rendered through rehype-sanitize's GitHub schema, so raw HTML, scripts, event handlers and
 * javascript: URLs never reach the page. The same component renders the editor's live preview and the player.
 */
export function LessonContent({ markdown }: { markdown: string | null }) {
  if (!markdown?.trim()) return <p className="text-slate-600 dark:text-slate-300">This lesson has no text yet.</p>;
  return (
    <div className="lesson-content">
      <Markdown remarkPlugins={[remarkGfm]} rehypePlugins={[rehypeSanitize]}>
        {markdown}
      </Markdown>
    </div>
  );
}
