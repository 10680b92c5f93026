"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { buttonStyles } from "@/components/ui/button-styles";
import { NETWORK_ERROR_MESSAGE } from "@/lib/http/client-json";

/** Resend (a new link, the old one stops working) or revoke one open invitation; the answer is announced. */
export function InvitationActions({ invitationId, email }: { invitationId: string; email: string }) {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [message, setMessage] = useState("");

  async function act(kind: "resend" | "revoke") {
    setPending(true);
    setMessage("");
    const url = kind === "resend" ? `/api/admin/invitations/${invitationId}/resend` : `/api/admin/invitations/${invitationId}`;
    try {
      const response = await fetch(url, { method: kind === "resend" ? "POST" : "DELETE", headers: { accept: "application/json" } });
      const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
      if (!response.ok) setMessage(body?.error?.message ?? "Something went wrong. Please try again.");
      else {
        setMessage(kind === "resend" ? "Sent again." : "Revoked.");
        router.refresh();
      }
    } catch {
      setMessage(NETWORK_ERROR_MESSAGE);
    }
    setPending(false);
  }

  return (
    <div className="flex flex-col gap-1">
      <div className="flex flex-wrap gap-2">
        <button type="button" disabled={pending} className={`${buttonStyles.secondary} px-2 py-1 text-sm`} onClick={() => act("resend")}>
          Resend<span className="sr-only"> to {email}</span>
        </button>
        <button type="button" disabled={pending} className={`${buttonStyles.secondary} px-2 py-1 text-sm`} onClick={() => act("revoke")}>
          Revoke<span className="sr-only"> the invitation of {email}</span>
        </button>
      </div>
      <p role="status" className="text-sm">
        {message}
      </p>
    </div>
  );
}
