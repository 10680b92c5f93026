"use client";

import { ArrowLeft, Check, ThumbsUp } from "lucide-react";
import { useCallback, useEffect, useState } from "react";
import { ContentHtml } from "@/components/content/content-html";
import { buttonStyles } from "@/components/ui/button-styles";
import { deleteJson, discussionsUrl, getJson, sendJson, type Reply, type Thread } from "./discussion-api";
import { PostForm } from "./post-form";
import { Byline, MuteButton, ReportButton, small } from "./post-parts";

/** How often an open thread asks for new replies while the page is visible (the bell's mechanism: a light poll). */
export const THREAD_POLL_MS = 15_000;

/** One thread with its replies: upvotes, replying, marking the answer, editing, reporting and moderating. */
export function ThreadView({ courseId, threadId, onBack }: { courseId: string; threadId: string; onBack: () => void }) {
  const url = `${discussionsUrl(courseId)}/${threadId}`;
  const [thread, setThread] = useState<Thread | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [editing, setEditing] = useState<string | null>(null);

  // Bumped after each change the viewer makes, to read the thread again at once.
  const [version, setVersion] = useState(0);
  const load = useCallback(async () => setVersion((v) => v + 1), []);

  useEffect(() => {
    let stopped = false;
    const read = async () => {
      const result = await getJson<{ thread: Thread }>(url);
      if (stopped) return;
      if (result.ok) setThread(result.data.thread);
      else setError(result.error.message);
    };
    void read();
    const timer = setInterval(() => {
      if (document.visibilityState === "visible") void read();
    }, THREAD_POLL_MS);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [url, version]);

  const act = async (run: () => Promise<{ ok: boolean; error?: { message: string } }>, done?: string) => {
    setError(null);
    const result = await run();
    if (!result.ok) setError(result.error?.message ?? "Something went wrong.");
    else {
      if (done) setNotice(done);
      await load();
    }
  };

  if (!thread) {
    return (
      <div className="flex flex-col gap-3">
        <button type="button" className={buttonStyles.link + " self-start"} onClick={onBack}>
          Back to the questions
        </button>
        {error ? <p role="alert">{error}</p> : <p>Loading the question…</p>}
      </div>
    );
  }

  const upvote = (target: string, upvoted: boolean) => act(() => sendJson(`${target}/upvote`, { upvoted: !upvoted }));
  const replyUrl = (reply: Reply) => `${url}/replies/${reply.id}`;

  return (
    <article aria-labelledby="thread-title" className="flex flex-col gap-4">
      <button type="button" className={`${buttonStyles.link} inline-flex items-center gap-1 self-start`} onClick={onBack}>
        <ArrowLeft aria-hidden="true" className="h-4 w-4" /> Back to the questions
      </button>
      <header className="flex flex-col gap-1">
        <h3 id="thread-title" className="text-xl font-semibold">
          {thread.title}
        </h3>
        <p className="flex flex-wrap gap-2 text-sm">
          {thread.answered && (
            <span className="rounded-full bg-emerald-100 px-2 font-medium text-emerald-900 dark:bg-emerald-900 dark:text-emerald-50">
              Answered
            </span>
          )}
          {thread.pinned && (
            <span className="rounded-full bg-amber-100 px-2 font-medium text-amber-900 dark:bg-amber-900 dark:text-amber-50">Pinned</span>
          )}
          {thread.locked && (
            <span className="rounded-full bg-slate-200 px-2 font-medium text-slate-900 dark:bg-slate-700 dark:text-slate-50">Locked</span>
          )}
          {thread.hidden && (
            <span className="rounded-full bg-red-100 px-2 font-medium text-red-900 dark:bg-red-900 dark:text-red-50">Hidden</span>
          )}
          {thread.lessonTitle && <span className="text-slate-600 dark:text-slate-300">On: {thread.lessonTitle}</span>}
        </p>
        <Byline author={thread.author} at={thread.createdAt} editedAt={thread.editedAt} />
      </header>
      {editing === thread.id ? (
        <PostForm
          label="Your question"
          titleLabel="Title"
          initialTitle={thread.title}
          initial={thread.body}
          submitLabel="Save"
          onCancel={() => setEditing(null)}
          onSubmit={async (body, title) => {
            const result = await sendJson(url, { title, body }, "PATCH");
            if (!result.ok) return result.error.message;
            setEditing(null);
            await load();
            return null;
          }}
        />
      ) : (
        <ContentHtml html={thread.bodyHtml} />
      )}
      <div className="flex flex-wrap gap-2">
        <button type="button" className={small} aria-pressed={thread.upvoted} onClick={() => void upvote(url, thread.upvoted)}>
          <ThumbsUp aria-hidden="true" className="h-4 w-4" /> Upvote question ({thread.upvoteCount}
          <span className="sr-only"> upvotes</span>)
        </button>
        {thread.can.edit && editing !== thread.id && (
          <button type="button" className={small} onClick={() => setEditing(thread.id)}>
            Edit
          </button>
        )}
        {thread.can.delete && (
          <button
            type="button"
            className={small}
            onClick={() => {
              if (!window.confirm("Delete this question and its replies?")) return;
              void deleteJson(url).then((r) => (r.ok ? onBack() : setError(r.error.message)));
            }}
          >
            Delete
          </button>
        )}
        {thread.can.moderate && (
          <>
            <button type="button" className={small} onClick={() => void act(() => sendJson(url, { pinned: !thread.pinned }, "PATCH"))}>
              {thread.pinned ? "Unpin" : "Pin"}
            </button>
            <button type="button" className={small} onClick={() => void act(() => sendJson(url, { locked: !thread.locked }, "PATCH"))}>
              {thread.locked ? "Unlock" : "Lock"}
            </button>
            <button
              type="button"
              className={small}
              onClick={() =>
                void act(
                  () => sendJson(url, { hidden: !thread.hidden }, "PATCH"),
                  thread.hidden ? "The question is shown again." : "The question is hidden from learners.",
                )
              }
            >
              {thread.hidden ? "Show question" : "Hide question"}
            </button>
          </>
        )}
        {!thread.mine && <ReportButton url={url} onDone={setNotice} />}
        {thread.can.moderate && thread.author && !thread.author.staff && (
          <MuteButton courseId={courseId} author={thread.author} onDone={setNotice} onError={setError} />
        )}
      </div>
      <div aria-live="polite" className="text-sm">
        {notice && <p>{notice}</p>}
      </div>
      {error && (
        <p
          role="alert"
          className="rounded-lg border border-red-300 bg-red-50 p-3 text-red-900 dark:border-red-700 dark:bg-red-950 dark:text-red-100"
        >
          {error}
        </p>
      )}

      <section aria-labelledby="replies-title" className="flex flex-col gap-3">
        <h4 id="replies-title" className="font-semibold">
          {thread.replies.length === 1 ? "1 reply" : `${thread.replies.length} replies`}
        </h4>
        <ol className="flex flex-col gap-3">
          {thread.replies.map((reply) => {
            const isAnswer = thread.answerReplyId === reply.id;
            return (
              <li
                key={reply.id}
                aria-label={isAnswer ? "The answer" : undefined}
                className={`flex flex-col gap-2 rounded-lg border p-3 ${isAnswer ? "border-emerald-600 bg-emerald-50 dark:border-emerald-500 dark:bg-emerald-950" : "border-slate-200 dark:border-slate-700"}`}
              >
                {isAnswer && (
                  <p className="inline-flex items-center gap-1 text-sm font-semibold text-emerald-900 dark:text-emerald-100">
                    <Check aria-hidden="true" className="h-4 w-4" /> Answer
                  </p>
                )}
                <Byline author={reply.author} at={reply.createdAt} editedAt={reply.editedAt} />
                {reply.hidden && <p className="text-sm font-medium text-red-800 dark:text-red-200">Hidden from learners</p>}
                {editing === reply.id ? (
                  <PostForm
                    label="Your reply"
                    initial={reply.body}
                    submitLabel="Save"
                    onCancel={() => setEditing(null)}
                    onSubmit={async (body) => {
                      const result = await sendJson(replyUrl(reply), { body }, "PATCH");
                      if (!result.ok) return result.error.message;
                      setEditing(null);
                      await load();
                      return null;
                    }}
                  />
                ) : (
                  <ContentHtml html={reply.bodyHtml} />
                )}
                <div className="flex flex-wrap gap-2">
                  <button
                    type="button"
                    className={small}
                    aria-pressed={reply.upvoted}
                    onClick={() => void upvote(replyUrl(reply), reply.upvoted)}
                  >
                    <ThumbsUp aria-hidden="true" className="h-4 w-4" /> Upvote reply ({reply.upvoteCount}
                    <span className="sr-only"> upvotes</span>)
                  </button>
                  {thread.can.markAnswer && !reply.hidden && (
                    <button
                      type="button"
                      className={small}
                      onClick={() =>
                        void act(
                          () => sendJson(`${url}/answer`, { replyId: isAnswer ? null : reply.id }),
                          isAnswer ? "The answer mark is taken off." : "Marked as the answer.",
                        )
                      }
                    >
                      {isAnswer ? "Unmark answer" : "Mark as answer"}
                    </button>
                  )}
                  {(reply.mine || thread.can.moderate) && editing !== reply.id && (
                    <button type="button" className={small} onClick={() => setEditing(reply.id)}>
                      Edit reply
                    </button>
                  )}
                  {(reply.mine || thread.can.moderate) && (
                    <button
                      type="button"
                      className={small}
                      onClick={() => {
                        if (window.confirm("Delete this reply?")) void act(() => deleteJson(replyUrl(reply)));
                      }}
                    >
                      Delete reply
                    </button>
                  )}
                  {thread.can.moderate && (
                    <button
                      type="button"
                      className={small}
                      onClick={() => void act(() => sendJson(replyUrl(reply), { hidden: !reply.hidden }, "PATCH"))}
                    >
                      {reply.hidden ? "Show reply" : "Hide reply"}
                    </button>
                  )}
                  {!reply.mine && <ReportButton url={replyUrl(reply)} onDone={setNotice} />}
                  {thread.can.moderate && reply.author && !reply.author.staff && (
                    <MuteButton courseId={courseId} author={reply.author} onDone={setNotice} onError={setError} />
                  )}
                </div>
              </li>
            );
          })}
        </ol>
        {thread.can.reply ? (
          <PostForm
            label="Your reply"
            submitLabel="Post reply"
            resetOnSuccess
            onSubmit={async (body) => {
              const result = await sendJson(`${url}/replies`, { body });
              if (!result.ok) return result.error.message;
              await load();
              return null;
            }}
          />
        ) : (
          <p className="text-sm text-slate-600 dark:text-slate-300">
            {thread.locked ? "This question is locked: it takes no new replies." : "You cannot reply here."}
          </p>
        )}
      </section>
    </article>
  );
}
