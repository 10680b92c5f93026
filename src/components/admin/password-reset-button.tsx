"use client";

import { useState } from "react";
import { buttonStyles } from "@/components/ui/button-styles";

/** An admin mails a user the forgot-password flow's reset link; the outcome is announced in a live region. */
export function PasswordResetButton({ userId, email, disabled }: { userId: string; email: string; disabled: boolean }) {
  const [pending, setPending] = useState(false);
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);

  async function send() {
    setPending(true);
    setOutcome(null);
    try {
      const response = await fetch(`/api/admin/users/${userId}/password-reset`, { method: "POST" });
      const body = (await response.json().catch(() => null)) as { message?: string; error?: { message?: string } } | null;
      setOutcome(
        response.ok
          ? { ok: true, text: body?.message ?? `A reset link is on its way to ${email}.` }
          : { ok: false, text: body?.error?.message ?? "Something went wrong. Please try again." },
      );
    } catch {
      setOutcome({ ok: false, text: "Could not reach the server. Check your connection and try again." });
    } finally {
      setPending(false);
    }
  }

  return (
    <section aria-labelledby="password-title" className="flex flex-col gap-3 rounded-xl border border-slate-200 p-4 dark:border-slate-800">
      <h2 id="password-title" className="text-xl font-semibold">
        Password
      </h2>
      <p className="text-slate-700 dark:text-slate-300">
        {disabled
          ? "This account is disabled: enable it before sending a reset link."
          : `Mail ${email} a link to choose a new password. It works once, for an hour; their password stays as it is until they use it.`}
      </p>
      <p>
        <button type="button" className={buttonStyles.secondary} disabled={pending || disabled} onClick={() => void send()}>
          {pending ? "Sending…" : "Send a password-reset link"}
        </button>
      </p>
      <p
        role="status"
        className={`empty:hidden rounded-lg p-3 ${outcome?.ok === false ? "bg-red-50 text-red-900 dark:bg-red-950 dark:text-red-100" : "bg-emerald-50 text-emerald-900 dark:bg-emerald-950 dark:text-emerald-100"}`}
      >
        {outcome?.text}
      </p>
    </section>
  );
}
