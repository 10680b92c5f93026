"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "sonner";
import { buttonStyles } from "@/components/ui/button-styles";
import { sendJson } from "@/lib/http/client-json";

/** Approve or decline one pending request to teach; the list refreshes. */
export function InstructorRequestActions({ requestId, who }: { requestId: string; who: string }) {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function decide(decision: "approve" | "decline") {
    setPending(true);
    setError(null);
    const result = await sendJson(`/api/admin/instructor-requests/${requestId}`, { decision }, "PATCH");
    setPending(false);
    if (!result.ok) {
      setError(result.error.message);
      return;
    }
    toast.success(decision === "approve" ? `${who} can now teach.` : `Request of ${who} declined.`);
    router.refresh();
  }

  return (
    <div className="flex flex-wrap items-center gap-2">
      <button
        type="button"
        disabled={pending}
        onClick={() => decide("approve")}
        className={buttonStyles.primary}
        aria-label={`Approve ${who}`}
      >
        Approve
      </button>
      <button
        type="button"
        disabled={pending}
        onClick={() => decide("decline")}
        className={buttonStyles.secondary}
        aria-label={`Decline ${who}`}
      >
        Decline
      </button>
      <p role="alert" className="w-full empty:hidden text-sm text-red-800 dark:text-red-200">
        {error}
      </p>
    </div>
  );
}
