"use client";

import { useState } from "react";
import { buttonStyles } from "@/components/ui/button-styles";
import { sendJson } from "@/lib/http/client-json";

/** Shown on every page to a signed-in user whose address is not confirmed yet, with a way to get a new link. */
export function VerifyEmailBanner({ email }: { email: string }) {
  const [pending, setPending] = useState(false);
  const [status, setStatus] = useState<string | null>(null);

  async function resend() {
    setPending(true);
    const result = await sendJson<{ message: string }>("/api/auth/verify-email/resend", {});
    setPending(false);
    setStatus(result.ok ? result.data.message : result.error.message);
  }

  return (
    <section
      aria-label="Confirm your e-mail address"
      className="border-b border-amber-300 bg-amber-50 text-amber-950 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-50"
    >
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-4 gap-y-2 px-4 py-2 text-sm">
        <p className="flex-1">
          Confirm your address <strong className="break-all">{email}</strong> with the link we sent you. Until then you can learn, but not
          publish courses or change your address.
        </p>
        <button type="button" onClick={resend} disabled={pending} className={buttonStyles.secondary}>
          {pending ? "Sending…" : "Send a new link"}
        </button>
        <p role="status" className="w-full empty:hidden">
          {status}
        </p>
      </div>
    </section>
  );
}
