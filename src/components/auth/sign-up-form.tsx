"use client";

import { Field } from "@/components/forms/field";
import { FormError } from "@/components/forms/form-error";
import { PASSWORD_RULES } from "@/components/forms/new-password-fields";
import { SubmitButton } from "@/components/forms/submit-button";
import { useApiForm } from "@/components/forms/use-api-form";
import { sendJson } from "@/lib/http/client-json";
import { signUpSchema } from "@/lib/validation/auth";

/**
 * Name, email and password; then "check your inbox": the mailed link confirms the address, signs the new account in
 * and goes on to onboarding, keeping where the user came from.
 */
export function SignUpForm({ callbackUrl }: { callbackUrl: string | null }) {
  const { form, errors, pending, formError, submit, leaveTo } = useApiForm(signUpSchema, { name: "", email: "", password: "" });
  const onSubmit = submit(
    (values) => sendJson<{ next: string }>("/api/auth/signup", { ...values, callbackUrl: callbackUrl ?? undefined }),
    ({ next }) => leaveTo(next),
  );

  return (
    <form noValidate aria-label="Create your account" onSubmit={onSubmit} className="flex flex-col gap-4">
      <FormError message={formError} />
      <Field label="Name" autoComplete="name" error={errors.name?.message} {...form.register("name")} />
      <Field label="Email" type="email" autoComplete="email" error={errors.email?.message} {...form.register("email")} />
      <Field
        label="Password"
        type="password"
        autoComplete="new-password"
        hint={PASSWORD_RULES}
        error={errors.password?.message}
        {...form.register("password")}
      />
      <SubmitButton pending={pending} pendingLabel="Creating your account…">
        Create account
      </SubmitButton>
    </form>
  );
}
