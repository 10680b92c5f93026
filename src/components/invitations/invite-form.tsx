"use client";

import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { FormError } from "@/components/forms/form-error";
import { SelectField } from "@/components/forms/select-field";
import { SubmitButton } from "@/components/forms/submit-button";
import { TextAreaField } from "@/components/forms/textarea-field";
import { sendJson } from "@/lib/http/client-json";

type Role = "LEARNER" | "INSTRUCTOR" | "ADMIN";
type Outcome = { email: string; outcome: "invited" | "renewed" | "enrolled" | "skipped"; reason?: string };

const roleLabels: Record<Role, string> = { LEARNER: "Learner", INSTRUCTOR: "Instructor", ADMIN: "Admin" };
const said = (o: Outcome) =>
  o.outcome === "invited"
    ? "invitation sent"
    : o.outcome === "renewed"
      ? "invitation renewed and sent again"
      : o.outcome === "enrolled"
        ? "has an account: enrolled directly"
        : `skipped: ${o.reason ?? ""}`;

/**
 * Invite one or many addresses (pasted one a line, or separated by commas) with a role into courses and a cohort.
 * Admins choose any role; an instructor's form (on their course) invites learners into that course only.
 */
export function InviteForm({
  courses,
  cohorts = [],
  roles,
  fixedCourseId,
}: {
  courses: { id: string; title: string }[];
  cohorts?: { id: string; name: string }[];
  roles: Role[];
  /** The instructor's course page: invitations go into this course, with no choice of courses. */
  fixedCourseId?: string;
}) {
  const router = useRouter();
  const id = useId();
  const [emails, setEmails] = useState("");
  const [role, setRole] = useState<Role>("LEARNER");
  const [courseIds, setCourseIds] = useState<string[]>(fixedCourseId ? [fixedCourseId] : []);
  const [cohortId, setCohortId] = useState("");
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [results, setResults] = useState<Outcome[] | null>(null);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setPending(true);
    setError(null);
    setResults(null);
    const answer = await sendJson<{ results: Outcome[] }>("/api/admin/invitations", {
      emails: [emails],
      role,
      courseIds,
      ...(cohortId ? { cohortId } : {}),
    });
    setPending(false);
    if (!answer.ok) {
      const fields = Object.values(answer.error.fields).filter((m) => m !== answer.error.message);
      setError([answer.error.message, ...new Set(fields)].join(" "));
      return;
    }
    setResults(answer.data.results);
    setEmails("");
    router.refresh();
  }

  const toggle = (courseId: string, on: boolean) => setCourseIds((ids) => (on ? [...ids, courseId] : ids.filter((c) => c !== courseId)));

  return (
    <form noValidate aria-label="Invite people" onSubmit={onSubmit} className="flex max-w-2xl min-w-0 flex-col gap-4">
      <FormError message={error} />
      <TextAreaField
        label="E-mail addresses"
        name="emails"
        rows={4}
        value={emails}
        onChange={(e) => setEmails(e.target.value)}
        hint="One a line, or separated by commas. Up to 200 at once."
        required
      />
      {roles.length > 1 && (
        <SelectField
          label="Role"
          name="role"
          value={role}
          onChange={(e) => setRole(e.target.value as Role)}
          options={roles.map((r) => ({ value: r, label: roleLabels[r] }))}
        />
      )}
      {!fixedCourseId && (
        <fieldset className="flex min-w-0 flex-col gap-2">
          <legend className="text-sm font-medium">Courses to enroll in (optional)</legend>
          {courses.length === 0 ? (
            <p className="text-sm text-slate-600 dark:text-slate-300">No courses yet.</p>
          ) : (
            <div
              className="flex max-h-48 flex-col gap-1 overflow-y-auto rounded-lg border border-slate-300 p-2 dark:border-slate-600"
              tabIndex={0}
              role="group"
              aria-label="Courses"
            >
              {courses.map((course) => (
                <label key={course.id} className="flex items-start gap-2 break-words">
                  <input
                    type="checkbox"
                    className="mt-1"
                    checked={courseIds.includes(course.id)}
                    onChange={(e) => toggle(course.id, e.target.checked)}
                  />
                  <span className="min-w-0">{course.title}</span>
                </label>
              ))}
            </div>
          )}
        </fieldset>
      )}
      {cohorts.length > 0 && (
        <SelectField
          label="Cohort (optional)"
          name="cohortId"
          value={cohortId}
          onChange={(e) => setCohortId(e.target.value)}
          options={[{ value: "", label: "No cohort" }, ...cohorts.map((c) => ({ value: c.id, label: c.name }))]}
        />
      )}
      <SubmitButton pending={pending} pendingLabel="Sending…">
        Send invitations
      </SubmitButton>
      <div role="status" aria-labelledby={`${id}-results`} className="empty:hidden">
        {results && (
          <>
            <p id={`${id}-results`} className="font-medium">
              {results.length} address{results.length === 1 ? "" : "es"} done:
            </p>
            <ul className="list-disc pl-6 text-sm">
              {results.map((r) => (
                <li key={r.email} className="break-all">
                  {r.email}: {said(r)}
                </li>
              ))}
            </ul>
          </>
        )}
      </div>
    </form>
  );
}
