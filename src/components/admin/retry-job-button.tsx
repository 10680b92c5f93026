"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "sonner";
import { buttonStyles } from "@/components/ui/button-styles";
import { sendJson } from "@/lib/http/client-json";

/** Sends a failed job back to its queue; refreshes the list. */
export function RetryJobButton({ jobId, label }: { jobId: string; label: string }) {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function retry() {
    setPending(true);
    setError(null);
    const result = await sendJson(`/api/admin/jobs/${jobId}/retry`, {});
    setPending(false);
    if (!result.ok) {
      setError(result.error.message);
      return;
    }
    toast.success(`${label} will run again.`);
    router.refresh();
  }

  return (
    <span className="flex flex-col gap-1">
      <button type="button" className={buttonStyles.secondary} disabled={pending} onClick={() => void retry()}>
        Retry<span className="sr-only"> {label}</span>
      </button>
      {error && (
        <span role="alert" className="text-sm text-red-800 dark:text-red-200">
          {error}
        </span>
      )}
    </span>
  );
}
