"use client";

import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { toast } from "sonner";
import { buttonStyles } from "@/components/ui/button-styles";
import { inputClass } from "@/components/forms/field";
import { NETWORK_ERROR_MESSAGE, sendJson } from "@/lib/http/client-json";

/** The course staff's enrollment actions: enroll one person, set or clear an end date, unenroll (after a confirm). */

function useAction() {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  async function run(request: () => Promise<string | null>, success: string) {
    setPending(true);
    setError(null);
    const failure = await request();
    setPending(false);
    if (failure) return setError(failure);
    toast.success(success);
    router.refresh();
  }
  const alert = (
    <p role="alert" className="empty:hidden text-sm text-red-800 dark:text-red-200">
      {error}
    </p>
  );
  return { run, pending, alert };
}

const json = (url: string, body: unknown, method: "POST" | "PATCH") => async () => {
  const result = await sendJson(url, body, method);
  return result.ok ? null : result.error.message;
};

export function EnrollUserButton({ courseId, user }: { courseId: string; user: { id: string; email: string } }) {
  const { run, pending, alert } = useAction();
  return (
    <span className="flex flex-col gap-1">
      <button
        type="button"
        disabled={pending}
        className={buttonStyles.primary}
        onClick={() =>
          void run(json(`/api/instructor/courses/${courseId}/enrollments`, { userIds: [user.id] }, "POST"), `${user.email} enrolled.`)
        }
      >
        Enroll {user.email}
      </button>
      {alert}
    </span>
  );
}

export function EnrollmentRowActions({
  courseId,
  learner,
  endsOn,
}: {
  courseId: string;
  learner: { id: string; email: string };
  /** The end date as yyyy-mm-dd, or "" for none. */
  endsOn: string;
}) {
  const dateId = useId();
  const { run, pending, alert } = useAction();
  const url = `/api/instructor/courses/${courseId}/enrollments/${learner.id}`;
  return (
    <div className="flex flex-col gap-2">
      <form
        className="flex flex-wrap items-end gap-2"
        onSubmit={(event) => {
          event.preventDefault();
          const value = (event.currentTarget.elements.namedItem("endsOn") as HTMLInputElement).value;
          const endsAt = value ? new Date(`${value}T23:59:59`).toISOString() : null;
          void run(
            json(url, { endsAt }, "PATCH"),
            value ? `${learner.email}'s enrollment ends on ${value}.` : `${learner.email}'s end date cleared.`,
          );
        }}
      >
        <span className="flex flex-col gap-1">
          <label htmlFor={dateId} className="text-sm">
            Ends on <span className="sr-only">for {learner.email}</span>
          </label>
          <input id={dateId} name="endsOn" type="date" defaultValue={endsOn} className={`${inputClass} max-w-full`} />
        </span>
        <button type="submit" disabled={pending} className={buttonStyles.secondary} aria-label={`Save the end date of ${learner.email}`}>
          Save
        </button>
      </form>
      <button
        type="button"
        disabled={pending}
        className={buttonStyles.secondary}
        aria-label={`Unenroll ${learner.email}`}
        onClick={() => {
          const sure = window.confirm(
            `Unenroll ${learner.email}? Their progress, quiz attempts and assignment submissions in this course are deleted with the enrollment. This cannot be undone.`,
          );
          if (!sure) return;
          void run(async () => {
            const response = await fetch(url, { method: "DELETE", credentials: "same-origin" }).catch(() => null);
            if (!response) return NETWORK_ERROR_MESSAGE;
            if (response.ok) return null;
            const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
            return body?.error?.message ?? "Something went wrong. Please try again.";
          }, `${learner.email} unenrolled.`);
        }}
      >
        Unenroll
      </button>
      {alert}
    </div>
  );
}
