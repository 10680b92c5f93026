"use client";

import { Flag } from "lucide-react";
import { useState } from "react";
import { LocalTime } from "@/components/ui/local-time";
import { discussionsUrl, sendJson, type Author } from "./discussion-api";
import { PostForm } from "./post-form";

/** The small pieces of a post: its byline, and the report and mute buttons under it. */

export const small =
  "inline-flex items-center gap-1 rounded-md border border-slate-300 px-2 py-1 text-sm hover:bg-slate-100 dark:border-slate-600 dark:hover:bg-slate-800";

export function Byline({ author, at, editedAt }: { author: Author; at: string; editedAt: string | null }) {
  return (
    <p className="flex flex-wrap items-center gap-x-2 text-sm text-slate-600 dark:text-slate-300">
      <span className="font-medium text-slate-900 dark:text-slate-100">{author?.name ?? "A deleted user"}</span>
      {author?.staff && (
        <span className="rounded-full bg-indigo-100 px-2 text-xs font-semibold text-indigo-900 dark:bg-indigo-900 dark:text-indigo-100">
          Instructor
        </span>
      )}
      <LocalTime iso={at} />
      {editedAt && <span>(edited)</span>}
    </p>
  );
}

export function ReportButton({ url, onDone }: { url: string; onDone: (message: string) => void }) {
  const [open, setOpen] = useState(false);
  if (!open)
    return (
      <button type="button" className={small} onClick={() => setOpen(true)}>
        <Flag aria-hidden="true" className="h-4 w-4" /> Report
      </button>
    );
  return (
    <PostForm
      label="Why are you reporting this post?"
      submitLabel="Send report"
      multiline={false}
      onCancel={() => setOpen(false)}
      onSubmit={async (reason) => {
        const result = await sendJson(`${url}/report`, { reason });
        if (!result.ok) return result.error.message;
        setOpen(false);
        onDone("Thank you: the report was sent to the course's instructors.");
        return null;
      }}
    />
  );
}

/** A moderator mutes a post's author in the course: they keep reading but no longer post. */
export function MuteButton({
  courseId,
  author,
  onDone,
  onError,
}: {
  courseId: string;
  author: NonNullable<Author>;
  onDone: (message: string) => void;
  onError: (message: string) => void;
}) {
  return (
    <button
      type="button"
      className={small}
      onClick={() => {
        if (!window.confirm(`Mute ${author.name} in this course? They can still read but no longer post.`)) return;
        void sendJson(`${discussionsUrl(courseId)}/mutes/${author.id}`, {}, "PUT").then((r) =>
          r.ok ? onDone(`${author.name} is muted in this course.`) : onError(r.error.message),
        );
      }}
    >
      Mute {author.name}
    </button>
  );
}
