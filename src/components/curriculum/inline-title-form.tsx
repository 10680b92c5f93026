"use client";

import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { useHydrated } from "./use-curriculum-tree";
import { toast } from "sonner";
import { buttonStyles } from "@/components/ui/button-styles";
import type { ApiResult } from "@/lib/http/client-json";
import { moduleSchema } from "@/lib/validation/course";

type Kind = { value: string; label: string };

/**
 * One title field and a button: add a module or lesson, or rename one. Validated with the server's schema. With
 * `kinds`, a select beside the title picks what to add (a lesson or a quiz) and `send` gets its value. On a narrow
 * screen the select and the button go under the field rather than past the card's edge.
 */
export function InlineTitleForm<K extends Kind>({
  label,
  buttonLabel,
  initial = "",
  send,
  resetOnSuccess,
  compact,
  kinds,
  kindLabel = "Kind",
}: {
  label: string;
  buttonLabel: string;
  initial?: string;
  send: (title: string, kind: K["value"] | undefined) => Promise<ApiResult<unknown>>;
  resetOnSuccess?: boolean;
  compact?: boolean;
  kinds?: readonly K[];
  kindLabel?: string;
}) {
  const router = useRouter();
  const hydrated = useHydrated();
  const id = useId();
  const [title, setTitle] = useState(initial);
  const [kind, setKind] = useState<K["value"] | undefined>(kinds?.[0]?.value);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: React.FormEvent) {
    event.preventDefault();
    const parsed = moduleSchema.safeParse({ title });
    if (!parsed.success) {
      setError(parsed.error.issues[0]?.message ?? "Enter a title.");
      return;
    }
    setPending(true);
    setError(null);
    const result = await send(parsed.data.title, kind);
    setPending(false);
    if (!result.ok) {
      setError(result.error.fields.title ?? result.error.message);
      return;
    }
    const what = kinds?.find((k) => k.value === kind)?.label.toLowerCase();
    toast.success(resetOnSuccess ? `Added ${what ? `${what} ` : ""}"${parsed.data.title}".` : "Saved.");
    if (resetOnSuccess) setTitle("");
    router.refresh();
  }

  return (
    <form noValidate onSubmit={(e) => void onSubmit(e)} className={`flex flex-wrap items-start gap-2 ${compact ? "text-sm" : ""}`}>
      <label htmlFor={id} className="sr-only">
        {label}
      </label>
      <input
        id={id}
        value={title}
        onChange={(e) => setTitle(e.target.value)}
        placeholder={label}
        aria-invalid={error ? true : undefined}
        aria-describedby={`${id}-error`}
        className="min-w-0 flex-1 basis-40 rounded-lg border border-slate-500 bg-white px-3 py-1.5 text-slate-900 placeholder:text-slate-600 dark:border-slate-400 dark:bg-slate-900 dark:text-slate-100 dark:placeholder:text-slate-400"
      />
      {kinds && (
        <>
          <label htmlFor={`${id}-kind`} className="sr-only">
            {kindLabel}
          </label>
          <select
            id={`${id}-kind`}
            value={kind}
            onChange={(e) => setKind(e.target.value)}
            className="shrink-0 rounded-lg border border-slate-500 bg-white px-2 py-1.5 text-slate-900 dark:border-slate-400 dark:bg-slate-900 dark:text-slate-100"
          >
            {kinds.map((k) => (
              <option key={k.value} value={k.value}>
                {k.label}
              </option>
            ))}
          </select>
        </>
      )}
      <button
        type="submit"
        disabled={pending || !hydrated}
        className={`shrink-0 ${compact ? buttonStyles.secondary : buttonStyles.primary}`}
      >
        {pending ? "Saving…" : buttonLabel}
      </button>
      <p id={`${id}-error`} role="alert" className={error ? "w-full text-sm font-medium text-red-700 dark:text-red-300" : "sr-only"}>
        {error}
      </p>
    </form>
  );
}
