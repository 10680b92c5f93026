"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "sonner";
import { buttonStyles } from "@/components/ui/button-styles";
import { sendJson } from "@/lib/http/client-json";

/**
 * A button that asks the job queue for something (a failed job's retry, a scheduled job now), says it in a toast and
 * refreshes the lists; the server's refusal shows under it.
 */
export function JobActionButton({
  url,
  body = {},
  text,
  label,
  done,
}: {
  url: string;
  body?: object;
  /** The button's visible word. */
  text: string;
  /** What it acts on, for screen readers and the toast. */
  label: string;
  done: string;
}) {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function act() {
    setPending(true);
    setError(null);
    const result = await sendJson(url, body);
    setPending(false);
    if (!result.ok) {
      setError(result.error.message);
      return;
    }
    toast.success(`${label} ${done}`);
    router.refresh();
  }

  return (
    <span className="flex flex-col gap-1">
      <button type="button" className={buttonStyles.secondary} disabled={pending} onClick={() => void act()}>
        {text}
        <span className="sr-only"> {label}</span>
      </button>
      {error && (
        <span role="alert" className="text-sm text-red-800 dark:text-red-200">
          {error}
        </span>
      )}
    </span>
  );
}
