"use client";

import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { toast } from "sonner";
import { buttonStyles } from "@/components/ui/button-styles";
import type { UserRole } from "@/lib/db/schema";
import type { AdminUserUpdate } from "@/lib/validation/admin";

const roleLabels: Record<UserRole, string> = { LEARNER: "Learner", INSTRUCTOR: "Instructor", ADMIN: "Admin" };

/** An admin changes a user's role or disables the account; the user's next request sees it. */
export function UserAccessForm({ userId, role, disabled, isSelf }: { userId: string; role: UserRole; disabled: boolean; isSelf: boolean }) {
  const router = useRouter();
  const selectId = useId();
  const [selected, setSelected] = useState<UserRole>(role);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function send(change: AdminUserUpdate, success: string) {
    setPending(true);
    setError(null);
    try {
      const response = await fetch(`/api/admin/users/${userId}`, {
        method: "PATCH",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(change),
      });
      if (!response.ok) {
        const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
        setError(body?.error?.message ?? "Something went wrong. Please try again.");
        return;
      }
      toast.success(success);
      router.refresh();
    } catch {
      setError("Could not reach the server. Check your connection and try again.");
    } finally {
      setPending(false);
    }
  }

  return (
    <section aria-labelledby="access-title" className="flex flex-col gap-4 rounded-xl border border-slate-200 p-4 dark:border-slate-800">
      <h2 id="access-title" className="text-xl font-semibold">
        Access
      </h2>
      <div role="alert" className="empty:hidden rounded-lg bg-red-50 p-3 text-red-900 dark:bg-red-950 dark:text-red-100">
        {error}
      </div>
      <form
        className="flex flex-wrap items-end gap-3"
        onSubmit={(event) => {
          event.preventDefault();
          void send({ role: selected }, `Role changed to ${roleLabels[selected]}.`);
        }}
      >
        <p className="flex flex-col gap-1">
          <label htmlFor={selectId} className="text-sm font-medium">
            Role
          </label>
          <select
            id={selectId}
            value={selected}
            onChange={(event) => setSelected(event.target.value as UserRole)}
            className="rounded-lg border border-slate-400 bg-white px-3 py-2 text-slate-900 dark:border-slate-500 dark:bg-slate-900 dark:text-slate-100"
          >
            {(Object.keys(roleLabels) as UserRole[]).map((r) => (
              <option key={r} value={r}>
                {roleLabels[r]}
              </option>
            ))}
          </select>
        </p>
        <button type="submit" className={buttonStyles.primary} disabled={pending || selected === role}>
          {pending ? "Saving…" : "Save role"}
        </button>
      </form>
      <p className="flex flex-wrap items-center gap-3">
        <span>
          This account is <strong>{disabled ? "disabled" : "active"}</strong>
          {isSelf ? " (it is yours)" : ""}.
        </span>
        <button
          type="button"
          className={buttonStyles.secondary}
          disabled={pending}
          onClick={() => void send({ disabled: !disabled }, disabled ? "Account enabled." : "Account disabled.")}
        >
          {disabled ? "Enable account" : "Disable account"}
        </button>
      </p>
    </section>
  );
}
