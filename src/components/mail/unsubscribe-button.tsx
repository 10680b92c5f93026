"use client";

import Link from "next/link";
import { useState } from "react";
import { FormError } from "@/components/forms/form-error";
import { SubmitButton } from "@/components/forms/submit-button";
import { buttonStyles } from "@/components/ui/button-styles";
import { sendJson } from "@/lib/http/client-json";

/**
 * The /unsubscribe page's one button: the token is posted only when the person presses it (a mail scanner that opens
 * every link changes nothing).
 */
export function UnsubscribeButton({ token, what }: { token: string; what: string }) {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);

  async function onSubmit(event: React.FormEvent) {
    event.preventDefault();
    setPending(true);
    setError(null);
    const result = await sendJson(`/api/notifications/unsubscribe?token=${encodeURIComponent(token)}`, {});
    setPending(false);
    if (!result.ok) setError(result.error.message);
    else setDone(true);
  }

  if (done) {
    return (
      <div className="flex flex-col gap-3">
        <p
          role="status"
          className="rounded-lg border border-green-700 bg-green-50 p-3 text-green-900 dark:border-green-400 dark:bg-green-950 dark:text-green-100"
        >
          Done: you will get no more mail for “{what}”.
        </p>
        <Link href="/profile/notifications" className={buttonStyles.link}>
          Change your other notification settings
        </Link>
      </div>
    );
  }
  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-4">
      <FormError message={error} />
      <SubmitButton pending={pending} pendingLabel="Turning it off…">
        Turn these mails off
      </SubmitButton>
    </form>
  );
}
