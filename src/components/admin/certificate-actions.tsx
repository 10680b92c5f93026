"use client";

import { useRouter } from "next/navigation";
import { useEffect, useId, useRef, useState } from "react";
import { toast } from "sonner";
import { inputClass } from "@/components/forms/field";
import { buttonStyles } from "@/components/ui/button-styles";
import { sendJson } from "@/lib/http/client-json";

/**
 * Revokes a valid certificate (the reason is asked inline) or restores a revoked one; refreshes the list. The button that
 * takes the place of the form or of the button used (Restore after revoking, Revoke after restoring or cancelling) gets
 * the focus, so that a keyboard or screen reader user is not sent back to the top of the page.
 */
export function CertificateActions({ code, displayCode, revoked }: { code: string; displayCode: string; revoked: boolean }) {
  const router = useRouter();
  const id = useId();
  const [asking, setAsking] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const button = useRef<HTMLButtonElement>(null);
  /** The state whose button should take the focus once the list shows it; null when nothing is to be focused. */
  const focusWhen = useRef<boolean | null>(null);

  useEffect(() => {
    if (focusWhen.current === null || asking) return;
    button.current?.focus();
    if (revoked === focusWhen.current) focusWhen.current = null;
  }, [asking, revoked]);

  async function send(action: "revoke" | "restore", body: unknown) {
    setPending(true);
    setError(null);
    const result = await sendJson(`/api/admin/certificates/${code}/${action}`, body);
    setPending(false);
    if (!result.ok) {
      setError(result.error.message);
      return;
    }
    toast.success(action === "revoke" ? `${displayCode} revoked.` : `${displayCode} restored.`);
    focusWhen.current = action === "revoke";
    setAsking(false);
    router.refresh();
  }

  if (revoked) {
    return (
      <button ref={button} type="button" className={buttonStyles.secondary} disabled={pending} onClick={() => void send("restore", {})}>
        Restore<span className="sr-only"> {displayCode}</span>
      </button>
    );
  }
  if (!asking) {
    return (
      <button ref={button} type="button" className={buttonStyles.secondary} onClick={() => setAsking(true)}>
        Revoke<span className="sr-only"> {displayCode}</span>
      </button>
    );
  }
  return (
    <form
      className="flex flex-col gap-2"
      aria-label={`Revoke ${displayCode}`}
      onSubmit={(event) => {
        event.preventDefault();
        const reason = (event.currentTarget.elements.namedItem("reason") as HTMLInputElement).value;
        void send("revoke", { reason });
      }}
    >
      <label htmlFor={id} className="text-sm font-medium">
        Reason for revoking {displayCode}
      </label>
      <input id={id} name="reason" required minLength={3} maxLength={500} className={`${inputClass} max-w-full`} autoFocus />
      {error && (
        <p role="alert" className="text-sm text-red-800 dark:text-red-200">
          {error}
        </p>
      )}
      <span className="flex flex-wrap gap-2">
        <button type="submit" className={buttonStyles.primary} disabled={pending}>
          Revoke
        </button>
        <button
          type="button"
          className={buttonStyles.secondary}
          onClick={() => {
            focusWhen.current = revoked;
            setAsking(false);
          }}
        >
          Cancel
        </button>
      </span>
    </form>
  );
}
