"use client";

import { useRouter } from "next/navigation";
import { useId, useState, type ReactNode } from "react";
import { toast } from "sonner";
import { buttonStyles } from "@/components/ui/button-styles";
import { inputClass } from "@/components/forms/field";
import { sendJson, NETWORK_ERROR_MESSAGE } from "@/lib/http/client-json";

/** Admins' cohort forms: each sends one request, says what happened in a toast or an alert, and refreshes the page. */

async function send(url: string, method: "POST" | "PATCH" | "DELETE", body?: unknown): Promise<{ error: string | null; data?: unknown }> {
  if (method === "DELETE") {
    const response = await fetch(url, { method, credentials: "same-origin" }).catch(() => null);
    if (!response) return { error: NETWORK_ERROR_MESSAGE };
    if (response.ok) return { error: null };
    const parsed = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
    return { error: parsed?.error?.message ?? "Something went wrong. Please try again." };
  }
  const result = await sendJson(url, body, method);
  return result.ok ? { error: null, data: result.data } : { error: result.error.message };
}

function useAction() {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  async function act(url: string, method: "POST" | "PATCH" | "DELETE", body: unknown, success: (data: unknown) => string) {
    setPending(true);
    setError(null);
    const result = await send(url, method, body);
    setPending(false);
    if (result.error) {
      setError(result.error);
      return false;
    }
    toast.success(success(result.data));
    router.refresh();
    return true;
  }
  const alert = (
    <p
      role="alert"
      className="empty:hidden rounded-lg border border-red-700 bg-red-50 p-3 text-red-900 dark:border-red-400 dark:bg-red-950 dark:text-red-100"
    >
      {error}
    </p>
  );
  return { act, pending, alert };
}

/** Makes a cohort. */
export function NewCohortForm() {
  const id = useId();
  const { act, pending, alert } = useAction();
  return (
    <div className="flex flex-col gap-2">
      {alert}
      <form
        className="flex flex-wrap items-end gap-3"
        aria-label="New cohort"
        onSubmit={async (event) => {
          event.preventDefault();
          const input = event.currentTarget.elements.namedItem("name") as HTMLInputElement;
          const name = input.value.trim();
          if (await act("/api/admin/cohorts", "POST", { name }, () => `${name} created.`)) input.value = "";
        }}
      >
        <p className="flex min-w-0 flex-col gap-1">
          <label htmlFor={id} className="text-sm font-medium">
            New cohort
          </label>
          <input id={id} name="name" required maxLength={128} className={`${inputClass} max-w-full`} />
        </p>
        <button type="submit" disabled={pending} className={buttonStyles.primary}>
          Create
        </button>
      </form>
    </div>
  );
}

/** Renames or deletes a cohort (deleting asks first; the enrollments it made stay). */
export function CohortSettings({ cohort, afterDelete }: { cohort: { id: string; name: string }; afterDelete: string }) {
  const id = useId();
  const router = useRouter();
  const { act, pending, alert } = useAction();
  const base = `/api/admin/cohorts/${cohort.id}`;
  return (
    <div className="flex flex-col gap-2">
      {alert}
      <div className="flex flex-wrap items-end gap-3">
        <form
          className="flex flex-wrap items-end gap-3"
          aria-label="Rename the cohort"
          onSubmit={(event) => {
            event.preventDefault();
            const name = (event.currentTarget.elements.namedItem("name") as HTMLInputElement).value.trim();
            void act(base, "PATCH", { name }, () => `Renamed to ${name}.`);
          }}
        >
          <p className="flex min-w-0 flex-col gap-1">
            <label htmlFor={id} className="text-sm font-medium">
              Name
            </label>
            <input id={id} name="name" required maxLength={128} defaultValue={cohort.name} className={`${inputClass} max-w-full`} />
          </p>
          <button type="submit" disabled={pending} className={buttonStyles.secondary}>
            Rename
          </button>
        </form>
        <button
          type="button"
          disabled={pending}
          className={buttonStyles.secondary}
          onClick={async () => {
            const sure = window.confirm(
              `Delete the cohort ${cohort.name}? Its members and course links go; nobody is unenrolled from any course.`,
            );
            if (sure && (await act(base, "DELETE", undefined, () => `${cohort.name} deleted.`))) router.push(afterDelete);
          }}
        >
          Delete cohort
        </button>
      </div>
    </div>
  );
}

/** A one-button form: adds a user to the cohort, removes a member, and the like. */
export function CohortButton({
  url,
  method,
  body,
  label,
  success,
  children,
}: {
  url: string;
  method: "POST" | "DELETE";
  body?: unknown;
  label: string;
  success: string;
  children: ReactNode;
}) {
  const { act, pending, alert } = useAction();
  return (
    <div className="flex flex-col gap-1">
      <button
        type="button"
        disabled={pending}
        aria-label={label}
        className={buttonStyles.secondary}
        onClick={() => void act(url, method, body, () => success)}
      >
        {children}
      </button>
      {alert}
    </div>
  );
}

/** Enrolls the cohort, its members and those added later, in a course, with an optional end date. */
export function EnrollCohortForm({ cohortId, courses }: { cohortId: string; courses: { id: string; title: string }[] }) {
  const courseId = useId();
  const endsId = useId();
  const { act, pending, alert } = useAction();
  if (courses.length === 0) return <p className="text-slate-700 dark:text-slate-300">No published course to enroll the cohort in.</p>;
  return (
    <div className="flex flex-col gap-2">
      {alert}
      <form
        className="flex flex-wrap items-end gap-3"
        aria-label="Enroll the cohort in a course"
        onSubmit={(event) => {
          event.preventDefault();
          const elements = event.currentTarget.elements;
          const course = (elements.namedItem("courseId") as HTMLSelectElement).value;
          const ends = (elements.namedItem("endsAt") as HTMLInputElement).value;
          const title = courses.find((c) => c.id === course)?.title ?? "the course";
          void act(
            `/api/instructor/courses/${course}/enrollments`,
            "POST",
            { cohortId, ...(ends ? { endsAt: new Date(`${ends}T23:59:59`).toISOString() } : {}) },
            (data) => {
              const { enrolled, alreadyEnrolled } = data as { enrolled: string[]; alreadyEnrolled: string[] };
              return `Enrolled in ${title}: ${enrolled.length} new, ${alreadyEnrolled.length} already enrolled.`;
            },
          );
        }}
      >
        <p className="flex min-w-0 max-w-full flex-col gap-1">
          <label htmlFor={courseId} className="text-sm font-medium">
            Course
          </label>
          <select id={courseId} name="courseId" required className={`${inputClass} max-w-full`}>
            {courses.map((c) => (
              <option key={c.id} value={c.id}>
                {c.title}
              </option>
            ))}
          </select>
        </p>
        <p className="flex min-w-0 flex-col gap-1">
          <label htmlFor={endsId} className="text-sm font-medium">
            Ends on (optional)
          </label>
          <input id={endsId} name="endsAt" type="date" className={`${inputClass} max-w-full`} />
        </p>
        <button type="submit" disabled={pending} className={buttonStyles.primary}>
          Enroll cohort
        </button>
      </form>
    </div>
  );
}
