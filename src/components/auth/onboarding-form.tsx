"use client";

import { Field } from "@/components/forms/field";
import { FormError } from "@/components/forms/form-error";
import { RadioGroup } from "@/components/forms/radio-group";
import { SubmitButton } from "@/components/forms/submit-button";
import { TextAreaField } from "@/components/forms/textarea-field";
import { useApiForm } from "@/components/forms/use-api-form";
import { sendJson } from "@/lib/http/client-json";
import { onboardingSchema, type OnboardingInput, type TeachingMode } from "@/lib/validation/auth";

const learn = {
  value: "LEARNER",
  label: "I want to learn",
  description: "Browse the catalog, enroll in courses and track your progress.",
} as const;
const teach: Record<Exclude<TeachingMode, "closed">, { value: OnboardingInput["role"]; label: string; description: string }> = {
  request: {
    value: "INSTRUCTOR",
    label: "I want to teach",
    description: "Ask to create courses. An admin looks at your request; meanwhile you can learn.",
  },
  open: { value: "INSTRUCTOR", label: "I want to teach", description: "Create courses, upload lessons and see how your learners do." },
};

/**
 * Name and what the user is here for, once; then a full page load (so that the header shows what the role opens) of
 * where the user was going, if anywhere. Someone who asked to teach and was going nowhere in particular (or into the
 * instructor area, which waits for the answer) sees their dashboard, which says the request is waiting.
 */
export function OnboardingForm({ name, callbackUrl, mode }: { name: string; callbackUrl: string | null; mode: TeachingMode }) {
  const { form, errors, pending, formError, submit, leaveTo } = useApiForm(onboardingSchema, {
    name,
    role: mode === "closed" ? "LEARNER" : undefined,
  });
  const teaching = form.watch("role") === "INSTRUCTOR";
  const onSubmit = submit(
    (values) => sendJson<{ next: string; instructorRequest?: unknown }>("/api/onboarding", values),
    ({ next, instructorRequest }) =>
      leaveTo(instructorRequest && (!callbackUrl || callbackUrl.startsWith("/instructor")) ? "/dashboard" : (callbackUrl ?? next)),
  );

  return (
    <form noValidate aria-label="Set up your account" onSubmit={onSubmit} className="flex flex-col gap-5">
      <FormError message={formError} />
      <Field label="Name" autoComplete="name" error={errors.name?.message} {...form.register("name")} />
      {mode !== "closed" && (
        <RadioGroup
          legend="What brings you to BudhHub?"
          options={[learn, teach[mode]]}
          error={errors.role?.message}
          {...form.register("role")}
        />
      )}
      {mode === "request" && teaching && (
        <TextAreaField
          label="Why do you want to teach? (optional)"
          hint="A sentence or two for the admins who decide: what you would teach, and to whom."
          rows={3}
          error={errors.message?.message}
          {...form.register("message")}
        />
      )}
      <SubmitButton pending={pending} pendingLabel="Saving…">
        Continue
      </SubmitButton>
    </form>
  );
}
