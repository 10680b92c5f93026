"use client";

import { Plus } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "sonner";
import { useHydrated } from "@/components/curriculum/use-curriculum-tree";
import { buttonStyles } from "@/components/ui/button-styles";
import { sendJson } from "@/lib/http/client-json";
import type { GrantedAttempt } from "@/lib/quizzes/results-types";

/**
 * "Grant one more attempt" for one learner. What happened is said in the live line beside the button (and in a toast);
 * the focus stays on the button, and the page refreshes its figures. Disabled until the page's script runs, so that a
 * click before then is not lost.
 */
export function GrantAttemptButton({ url, learnerId, learnerName }: { url: string; learnerId: string; learnerName: string }) {
  const router = useRouter();
  const ready = useHydrated();
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState("");

  async function grant() {
    setBusy(true);
    setStatus("");
    const result = await sendJson<{ granted: GrantedAttempt }>(url, { learnerId });
    setBusy(false);
    if (!result.ok) {
      setStatus(result.error.message);
      toast.error(result.error.message);
      return;
    }
    const { attemptsAllowed, extraAttempts } = result.data.granted;
    const message =
      attemptsAllowed === null
        ? `Granted ${learnerName} one more attempt (${extraAttempts} extra in all; this quiz has no limit now).`
        : `Granted ${learnerName} one more attempt: ${attemptsAllowed} allowed now.`;
    setStatus(message);
    toast.success(message);
    router.refresh();
  }

  return (
    <div className="flex flex-col items-start gap-1">
      <button
        type="button"
        className={`${buttonStyles.secondary} px-3 py-1 text-sm`}
        disabled={!ready || busy}
        onClick={() => void grant()}
      >
        <Plus aria-hidden="true" className="h-4 w-4" />
        {busy ? "Granting…" : "Grant one more attempt"}
        <span className="sr-only"> to {learnerName}</span>
      </button>
      <span role="status" className="text-xs text-slate-700 dark:text-slate-300">
        {status}
      </span>
    </div>
  );
}
