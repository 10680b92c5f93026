"use client";

import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { toast } from "sonner";
import { buttonStyles } from "@/components/ui/button-styles";
import type { SignupPolicy } from "@/lib/db/schema";
import type { SettingsUpdate } from "@/lib/validation/settings";

const choices: { value: SignupPolicy; label: string; hint: string }[] = [
  { value: "open", label: "Open to anyone", hint: "Anyone can create an account with a password or a sign-in link." },
  { value: "domains", label: "Only addresses of listed domains", hint: "Others can still sign in to an account they already have." },
  { value: "invitation", label: "Invitation only", hint: "The sign-up page says so; people join through an invitation." },
];

/** Splits what the admin typed ("school.example, @other.example" or one a line) into domains; the server checks them. */
const domainsIn = (text: string) => text.split(/[\s,;]+/).filter(Boolean);

/** An admin chooses who may make an account: anyone, addresses of some domains, or invited people only. */
export function SignupPolicyForm({ settings }: { settings: { signupPolicy: SignupPolicy; signupDomains: string[] } }) {
  const router = useRouter();
  const domainsId = useId();
  const hintId = useId();
  const errorId = useId();
  const [policy, setPolicy] = useState<SignupPolicy>(settings.signupPolicy);
  const [domains, setDomains] = useState(settings.signupDomains.join("\n"));
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function save() {
    setPending(true);
    setError(null);
    try {
      const change: SettingsUpdate = { signupPolicy: policy, signupDomains: domainsIn(domains) };
      const response = await fetch("/api/admin/settings", {
        method: "PATCH",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(change),
      });
      const body = (await response.json().catch(() => null)) as {
        settings?: { signupDomains: string[] };
        error?: { message?: string; fields?: Record<string, string> };
      } | null;
      if (!response.ok) {
        const fields = Object.values(body?.error?.fields ?? {});
        setError(fields.length ? fields.join(" ") : (body?.error?.message ?? "Something went wrong. Please try again."));
        return;
      }
      if (body?.settings) setDomains(body.settings.signupDomains.join("\n"));
      toast.success("Sign-up settings saved.");
      router.refresh();
    } catch {
      setError("Could not reach the server. Check your connection and try again.");
    } finally {
      setPending(false);
    }
  }

  return (
    <form
      aria-labelledby="signup-title"
      className="flex flex-col gap-4 rounded-xl border border-slate-200 p-4 dark:border-slate-800"
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <h2 id="signup-title" className="text-xl font-semibold">
        Sign-up
      </h2>
      <div id={errorId} role="alert" className="empty:hidden rounded-lg bg-red-50 p-3 text-red-900 dark:bg-red-950 dark:text-red-100">
        {error}
      </div>
      <fieldset className="flex flex-col gap-3">
        <legend className="mb-2 font-medium">Who may create an account</legend>
        {choices.map((c) => (
          <label key={c.value} className="flex items-start gap-3">
            <input
              type="radio"
              name="signupPolicy"
              value={c.value}
              checked={policy === c.value}
              onChange={() => setPolicy(c.value)}
              className="mt-1 size-4 shrink-0"
            />
            <span className="flex min-w-0 flex-col">
              <span className="font-medium">{c.label}</span>
              <span className="text-sm text-slate-700 dark:text-slate-300">{c.hint}</span>
            </span>
          </label>
        ))}
      </fieldset>
      <p className="flex flex-col gap-1">
        <label htmlFor={domainsId} className="font-medium">
          Allowed domains
        </label>
        <span id={hintId} className="text-sm text-slate-700 dark:text-slate-300">
          One a line, such as school.example. Used when sign-up is limited to listed domains; a sub-domain is listed on its own.
        </span>
        <textarea
          id={domainsId}
          name="signupDomains"
          rows={4}
          value={domains}
          onChange={(event) => setDomains(event.target.value)}
          aria-describedby={error ? `${hintId} ${errorId}` : hintId}
          aria-invalid={error !== null && policy === "domains"}
          className="w-full max-w-md rounded-lg border border-slate-400 bg-white px-3 py-2 text-slate-900 dark:border-slate-500 dark:bg-slate-900 dark:text-slate-100"
        />
      </p>
      <p>
        <button type="submit" className={buttonStyles.primary} disabled={pending}>
          {pending ? "Saving…" : "Save sign-up settings"}
        </button>
      </p>
    </form>
  );
}
