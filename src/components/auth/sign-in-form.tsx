"use client";

import { Field } from "@/components/forms/field";
import { FormError } from "@/components/forms/form-error";
import { SubmitButton } from "@/components/forms/submit-button";
import { useApiForm } from "@/components/forms/use-api-form";
import { sendJson } from "@/lib/http/client-json";
import { signInSchema } from "@/lib/validation/auth";
import { withCallbackUrl } from "./callback-url";

/** Email and password; then back to where the user came from (onboarding first if they have not done it). */
export function SignInForm({ callbackUrl, headingId }: { callbackUrl: string | null; headingId: string }) {
  const { form, errors, pending, formError, submit, leaveTo } = useApiForm(signInSchema, { email: "", password: "" });
  const onSubmit = submit(
    (values) => sendJson<{ next: string }>("/api/auth/signin", values),
    ({ next }) => leaveTo(next === "/onboarding" ? withCallbackUrl(next, callbackUrl) : (callbackUrl ?? next)),
  );

  return (
    <form noValidate aria-labelledby={headingId} onSubmit={onSubmit} className="flex flex-col gap-4">
      <FormError message={formError} />
      <Field label="Email" type="email" autoComplete="email" error={errors.email?.message} {...form.register("email")} />
      <Field
        label="Password"
        type="password"
        autoComplete="current-password"
        error={errors.password?.message}
        {...form.register("password")}
      />
      <SubmitButton pending={pending} pendingLabel="Signing in…">
        Sign in
      </SubmitButton>
    </form>
  );
}
