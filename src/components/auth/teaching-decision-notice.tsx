"use client";

import Link from "next/link";
import { useState } from "react";
import { buttonStyles } from "@/components/ui/button-styles";
import { sendJson } from "@/lib/http/client-json";

/** Tells a user, on their next visit, what an admin decided about their request to teach, until they dismiss it. */
export function TeachingDecisionNotice({ requestId, approved }: { requestId: string; approved: boolean }) {
  const [hidden, setHidden] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (hidden) return null;

  async function dismiss() {
    const result = await sendJson(`/api/instructor-requests/${requestId}`, { seen: true }, "PATCH");
    if (result.ok) setHidden(true);
    else setError(result.error.message);
  }

  return (
    <section
      aria-label="Your request to teach"
      className="flex flex-col gap-3 rounded-xl border border-indigo-300 bg-indigo-50 p-4 text-indigo-950 dark:border-indigo-700 dark:bg-indigo-950 dark:text-indigo-50"
    >
      <p>
        {approved ? (
          <>
            An admin approved your request to teach. Your instructor area is open:{" "}
            <Link href="/instructor/courses/new" className={buttonStyles.link}>
              create your first course
            </Link>
            .
          </>
        ) : (
          "An admin declined your request to teach. You can keep learning, and ask again from your profile later."
        )}
      </p>
      <p role="alert" className="empty:hidden text-red-800 dark:text-red-200">
        {error}
      </p>
      <button type="button" onClick={dismiss} className={`${buttonStyles.secondary} self-start`}>
        Dismiss
      </button>
    </section>
  );
}
