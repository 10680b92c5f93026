"use client";

import { FormError } from "@/components/forms/form-error";
import { SubmitButton } from "@/components/forms/submit-button";
import { TextAreaField } from "@/components/forms/textarea-field";
import { useApiForm } from "@/components/forms/use-api-form";
import { sendJson } from "@/lib/http/client-json";
import { instructorRequestSchema, type TeachingMode } from "@/lib/validation/auth";

/** A learner asks to teach (INSTRUCTOR_SIGNUP=request) or, on an open site, starts teaching at once. */
export function TeachRequestForm({ mode, headingId }: { mode: Exclude<TeachingMode, "closed">; headingId: string }) {
  const { form, errors, pending, formError, submit, leaveTo } = useApiForm(instructorRequestSchema, { message: "" });
  const onSubmit = submit(
    (values) => sendJson<{ role: string }>("/api/instructor-requests", values),
    ({ role }) => leaveTo(role === "INSTRUCTOR" ? "/instructor" : "/profile"),
  );

  return (
    <form noValidate aria-labelledby={headingId} onSubmit={onSubmit} className="flex flex-col gap-4">
      <FormError message={formError} />
      {mode === "request" && (
        <TextAreaField
          label="Why do you want to teach? (optional)"
          hint="A sentence or two for the admins who decide: what you would teach, and to whom."
          rows={3}
          error={errors.message?.message}
          {...form.register("message")}
        />
      )}
      <SubmitButton pending={pending} pendingLabel="Sending…">
        {mode === "request" ? "Ask to teach" : "Start teaching"}
      </SubmitButton>
    </form>
  );
}
