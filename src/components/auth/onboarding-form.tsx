"use client";

import { Field } from "@/components/forms/field";
import { FormError } from "@/components/forms/form-error";
import { RadioGroup } from "@/components/forms/radio-group";
import { SubmitButton } from "@/components/forms/submit-button";
import { useApiForm } from "@/components/forms/use-api-form";
import { sendJson } from "@/lib/http/client-json";
import { onboardingSchema, type OnboardingInput } from "@/lib/validation/auth";

const roleOptions: { value: OnboardingInput["role"]; label: string; description: string }[] = [
  { value: "LEARNER", label: "Learner", description: "Browse the catalog, enroll in courses and track your progress." },
  { value: "INSTRUCTOR", label: "Instructor", description: "Create courses, upload lessons and see how your learners do." },
];

/** Name and role, once; then a full page load so that the header shows what the role opens. */
export function OnboardingForm({ name, callbackUrl }: { name: string; callbackUrl: string | null }) {
  const { form, errors, pending, formError, submit, leaveTo } = useApiForm(onboardingSchema, { name });
  const onSubmit = submit(
    (values) => sendJson<{ next: string }>("/api/onboarding", values),
    ({ next }) => leaveTo(callbackUrl ?? next),
  );

  return (
    <form noValidate aria-label="Set up your account" onSubmit={onSubmit} className="flex flex-col gap-5">
      <FormError message={formError} />
      <Field label="Name" autoComplete="name" error={errors.name?.message} {...form.register("name")} />
      <RadioGroup legend="How will you use BudhHub?" options={roleOptions} error={errors.role?.message} {...form.register("role")} />
      <SubmitButton pending={pending} pendingLabel="Saving…">
        Continue
      </SubmitButton>
    </form>
  );
}
