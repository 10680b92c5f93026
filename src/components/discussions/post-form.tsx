"use client";

import { useId, useState } from "react";
import { buttonStyles } from "@/components/ui/button-styles";

const field =
  "w-full rounded-lg border border-slate-400 bg-white px-3 py-2 text-slate-900 dark:border-slate-500 dark:bg-slate-900 dark:text-slate-100";

/**
 * A question, reply, edit or report: labelled fields, a submit button that says when it is busy, and the server's message
 * (a 429 says how long to wait) in an alert. onSubmit answers an error message, or null when it went through.
 */
export function PostForm({
  label,
  titleLabel,
  initial = "",
  initialTitle = "",
  submitLabel,
  multiline = true,
  resetOnSuccess = false,
  onSubmit,
  onCancel,
}: {
  label: string;
  /** With a title field (a question). */
  titleLabel?: string;
  initial?: string;
  initialTitle?: string;
  submitLabel: string;
  multiline?: boolean;
  resetOnSuccess?: boolean;
  onSubmit: (body: string, title: string) => Promise<string | null>;
  onCancel?: () => void;
}) {
  const id = useId();
  const [title, setTitle] = useState(initialTitle);
  const [body, setBody] = useState(initial);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <form
      className="flex flex-col gap-2"
      onSubmit={async (event) => {
        event.preventDefault();
        setBusy(true);
        setError(null);
        const failure = await onSubmit(body, title);
        setBusy(false);
        if (failure) setError(failure);
        else if (resetOnSuccess) {
          setBody("");
          setTitle("");
        }
      }}
    >
      {titleLabel && (
        <>
          <label htmlFor={`${id}-title`} className="text-sm font-medium">
            {titleLabel}
          </label>
          <input id={`${id}-title`} className={field} value={title} onChange={(e) => setTitle(e.target.value)} required maxLength={200} />
        </>
      )}
      <label htmlFor={`${id}-body`} className="text-sm font-medium">
        {label}
      </label>
      {multiline ? (
        <textarea
          id={`${id}-body`}
          className={`${field} min-h-24 font-mono text-sm`}
          value={body}
          onChange={(e) => setBody(e.target.value)}
          required
          aria-describedby={`${id}-hint`}
        />
      ) : (
        <input id={`${id}-body`} className={field} value={body} onChange={(e) => setBody(e.target.value)} required maxLength={500} />
      )}
      {multiline && (
        <p id={`${id}-hint`} className="text-xs text-slate-600 dark:text-slate-300">
          Markdown works: **bold**, `code`, and code blocks between ``` lines.
        </p>
      )}
      {error && (
        <p
          role="alert"
          className="rounded-lg border border-red-300 bg-red-50 p-2 text-sm text-red-900 dark:border-red-700 dark:bg-red-950 dark:text-red-100"
        >
          {error}
        </p>
      )}
      <div className="flex gap-2">
        <button type="submit" className={buttonStyles.primary} disabled={busy}>
          {busy ? "Sending…" : submitLabel}
        </button>
        {onCancel && (
          <button type="button" className={buttonStyles.secondary} onClick={onCancel}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}
