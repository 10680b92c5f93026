"use client";

import { useState } from "react";
import { FormError } from "@/components/forms/form-error";
import { SubmitButton } from "@/components/forms/submit-button";
import { sendJson } from "@/lib/http/client-json";

type Answer = { next?: string; email?: string };

/**
 * The button of a page a mailed link opens. The link's token is sent only when the person presses it, so that a mail
 * scanner that fetches every link cannot use the link up.
 */
export function ConfirmLinkForm({
  endpoint,
  token,
  callbackUrl,
  label,
  pendingLabel,
  done,
}: {
  endpoint: string;
  token: string;
  callbackUrl?: string | null;
  label: string;
  pendingLabel: string;
  /** What to say once it worked, when the answer does not send the user elsewhere. */
  done: string;
}) {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [finished, setFinished] = useState<string | null>(null);

  async function onSubmit(event: React.FormEvent) {
    event.preventDefault();
    setPending(true);
    setError(null);
    const result = await sendJson<Answer>(endpoint, { token, callbackUrl: callbackUrl ?? undefined });
    if (!result.ok) {
      setPending(false);
      setError(result.error.message);
      return;
    }
    if (result.data.next) {
      window.location.assign(result.data.next);
      return;
    }
    setPending(false);
    setFinished(result.data.email ? `${done} ${result.data.email}.` : done);
  }

  if (finished) {
    return (
      <p
        role="status"
        className="rounded-lg border border-green-700 bg-green-50 p-3 text-green-900 dark:border-green-400 dark:bg-green-950 dark:text-green-100"
      >
        {finished}
      </p>
    );
  }
  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-4">
      <FormError message={error} />
      <SubmitButton pending={pending} pendingLabel={pendingLabel}>
        {label}
      </SubmitButton>
    </form>
  );
}
