"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { sendJson } from "@/lib/http/client-json";

/** Resolves a report without acting on the post (hiding the post resolves its reports by itself). */
export function DismissReport({ courseId, reportId }: { courseId: string; reportId: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  return (
    <>
      <button
        type="button"
        className="rounded-md border border-slate-300 px-2 py-1 text-sm hover:bg-slate-100 dark:border-slate-600 dark:hover:bg-slate-800"
        onClick={async () => {
          const result = await sendJson(`/api/courses/${courseId}/discussions/reports/${reportId}`, { resolved: true }, "PATCH");
          if (result.ok) router.refresh();
          else setError(result.error.message);
        }}
      >
        Dismiss report
      </button>
      {error && <span role="alert">{error}</span>}
    </>
  );
}
