"use client";

import { MessageCircleQuestion, ThumbsUp } from "lucide-react";
import { useCallback, useEffect, useId, useState } from "react";
import { buttonStyles } from "@/components/ui/button-styles";
import { LocalTime } from "@/components/ui/local-time";
import { discussionsUrl, getJson, sendJson, type ThreadPage, type ThreadSummary } from "./discussion-api";
import { PostForm } from "./post-form";
import { ThreadView } from "./thread-view";

const select = "rounded-lg border border-slate-400 bg-white px-2 py-1.5 dark:border-slate-500 dark:bg-slate-900";

/**
 * The questions of a lesson (in the player) or of a whole course (its board): search, filters and sorts, pages of
 * threads, asking a question, and one thread open at a time (`?thread=` opens one from a notification's link).
 */
export function DiscussionPanel({
  courseId,
  lessonId,
  initialThreadId = null,
  onCount,
}: {
  courseId: string;
  /** The lesson's questions; null: the whole course (new questions go to its general board). */
  lessonId: string | null;
  initialThreadId?: string | null;
  onCount?: (count: number) => void;
}) {
  const id = useId();
  const [threadId, setThreadId] = useState<string | null>(initialThreadId);
  const [q, setQ] = useState("");
  const [search, setSearch] = useState("");
  const [filter, setFilter] = useState("");
  const [sort, setSort] = useState("newest");
  const [threads, setThreads] = useState<ThreadSummary[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loaded, setLoaded] = useState(false);
  const [asking, setAsking] = useState(false);

  const query = useCallback(
    (after: string | null) => {
      const params = new URLSearchParams({ sort });
      if (lessonId) params.set("lessonId", lessonId);
      if (filter) params.set("filter", filter);
      if (search) params.set("q", search);
      if (after) params.set("cursor", after);
      return `${discussionsUrl(courseId)}?${params}`;
    },
    [courseId, lessonId, filter, search, sort],
  );

  const show = useCallback((page: ThreadPage, more: boolean) => {
    setError(null);
    setThreads((before) => (more ? [...before, ...page.threads] : page.threads));
    setCursor(page.nextCursor);
    setLoaded(true);
  }, []);

  useEffect(() => {
    if (threadId) return;
    let stopped = false;
    const read = async () => {
      const result = await getJson<ThreadPage>(query(null));
      if (stopped) return;
      if (result.ok) show(result.data, false);
      else setError(result.error.message);
    };
    void read();
    return () => {
      stopped = true;
    };
  }, [query, show, threadId]);

  const loadMore = async (after: string) => {
    const result = await getJson<ThreadPage>(query(after));
    if (result.ok) show(result.data, true);
    else setError(result.error.message);
  };

  const total = loaded && !filter && !search && !cursor ? threads.length : null;
  useEffect(() => {
    if (total !== null) onCount?.(total);
  }, [total, onCount]);

  // The open thread is in the address (?thread=), so that a reload or a shared link opens it again.
  const open = (next: string | null) => {
    setThreadId(next);
    const url = new URL(window.location.href);
    if (next) url.searchParams.set("thread", next);
    else url.searchParams.delete("thread");
    window.history.replaceState(window.history.state, "", url);
  };

  if (threadId) {
    return <ThreadView courseId={courseId} threadId={threadId} onBack={() => open(null)} />;
  }

  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-end gap-3">
        <form
          role="search"
          className="flex flex-wrap items-end gap-2"
          onSubmit={(event) => {
            event.preventDefault();
            setSearch(q.trim());
          }}
        >
          <div className="flex flex-col gap-1">
            <label htmlFor={`${id}-q`} className="text-sm font-medium">
              Search questions
            </label>
            <input id={`${id}-q`} type="search" className={select} value={q} onChange={(e) => setQ(e.target.value)} />
          </div>
          <button type="submit" className={buttonStyles.secondary}>
            Search
          </button>
        </form>
        <div className="flex flex-col gap-1">
          <label htmlFor={`${id}-filter`} className="text-sm font-medium">
            Show
          </label>
          <select id={`${id}-filter`} className={select} value={filter} onChange={(e) => setFilter(e.target.value)}>
            <option value="">All questions</option>
            <option value="unanswered">Unanswered</option>
            <option value="answered">Answered</option>
            <option value="mine">Mine</option>
          </select>
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor={`${id}-sort`} className="text-sm font-medium">
            Sort by
          </label>
          <select id={`${id}-sort`} className={select} value={sort} onChange={(e) => setSort(e.target.value)}>
            <option value="newest">Newest</option>
            <option value="upvoted">Most upvoted</option>
            <option value="unanswered">Unanswered first</option>
          </select>
        </div>
      </div>

      {asking ? (
        <PostForm
          titleLabel="Your question, in a line"
          label="Details"
          submitLabel="Post question"
          onCancel={() => setAsking(false)}
          onSubmit={async (body, title) => {
            const result = await sendJson<{ thread: { id: string } }>(discussionsUrl(courseId), { lessonId, title, body });
            if (!result.ok) return result.error.message;
            setAsking(false);
            open(result.data.thread.id);
            return null;
          }}
        />
      ) : (
        <button type="button" className={`${buttonStyles.primary} self-start`} onClick={() => setAsking(true)}>
          <MessageCircleQuestion aria-hidden="true" className="h-4 w-4" /> Ask a question
        </button>
      )}

      {error && <p role="alert">{error}</p>}
      <div aria-live="polite" className="sr-only">
        {loaded && (threads.length === 1 ? "1 question shown" : `${threads.length} questions shown`)}
      </div>
      {loaded && threads.length === 0 && (
        <p className="text-slate-600 dark:text-slate-300">
          {search || filter ? "No questions match." : "No questions yet: ask the first one."}
        </p>
      )}
      {threads.length > 0 && (
        <ul className="flex flex-col divide-y divide-slate-200 rounded-lg border border-slate-200 dark:divide-slate-700 dark:border-slate-700">
          {threads.map((t) => (
            <li key={t.id} className="flex flex-col gap-1 p-3">
              <button
                type="button"
                className="self-start text-left font-semibold text-indigo-700 underline-offset-2 hover:underline dark:text-indigo-300"
                onClick={() => open(t.id)}
              >
                {t.title}
              </button>
              <p className="flex flex-wrap gap-x-3 gap-y-1 text-sm text-slate-600 dark:text-slate-300">
                {t.pinned && <span className="font-medium text-amber-800 dark:text-amber-200">Pinned</span>}
                {t.hidden && <span className="font-medium text-red-800 dark:text-red-200">Hidden</span>}
                <span className={t.answered ? "font-medium text-emerald-800 dark:text-emerald-200" : undefined}>
                  {t.answered ? "Answered" : "Unanswered"}
                </span>
                <span>{t.replyCount === 1 ? "1 reply" : `${t.replyCount} replies`}</span>
                <span className="inline-flex items-center gap-1">
                  <ThumbsUp aria-hidden="true" className="h-3.5 w-3.5" /> {t.upvoteCount} <span className="sr-only">upvotes</span>
                </span>
                <span>
                  {t.author?.name ?? "A deleted user"}
                  {t.author?.staff ? " (instructor)" : ""}, <LocalTime iso={t.createdAt} />
                </span>
                {!lessonId && t.lessonTitle && <span>On: {t.lessonTitle}</span>}
              </p>
            </li>
          ))}
        </ul>
      )}
      {cursor && (
        <button type="button" className={`${buttonStyles.secondary} self-start`} onClick={() => void loadMore(cursor)}>
          More questions
        </button>
      )}
    </div>
  );
}
