"use client";

import Link from "next/link";
import { useState } from "react";
import { Field } from "@/components/forms/field";
import { FormError } from "@/components/forms/form-error";
import { SubmitButton } from "@/components/forms/submit-button";
import { useApiForm } from "@/components/forms/use-api-form";
import { buttonStyles } from "@/components/ui/button-styles";
import { sendJson } from "@/lib/http/client-json";
import { emailOnlySchema } from "@/lib/validation/auth";

/** Asks for a reset link; the answer is the same whether or not the address has an account. */
export function ForgotPasswordForm() {
  const [answer, setAnswer] = useState<string | null>(null);
  const { form, errors, pending, formError, submit } = useApiForm(emailOnlySchema, { email: "" });
  const onSubmit = submit(
    (values) => sendJson<{ message: string }>("/api/auth/forgot-password", values),
    ({ message }) => setAnswer(message),
  );

  return (
    <div className="flex flex-col gap-4">
      <div role="status" className="empty:absolute">
        {answer && (
          <div className="flex flex-col gap-2 rounded-lg border border-emerald-700 bg-emerald-50 p-3 text-emerald-900 dark:border-emerald-400 dark:bg-emerald-950 dark:text-emerald-100">
            <p>{answer}</p>
            <p className="text-sm">The link works once, for 1 hour. Check your spam folder if it does not arrive.</p>
          </div>
        )}
      </div>
      {answer ? (
        <Link href="/signin" className={buttonStyles.link}>
          Back to sign in
        </Link>
      ) : (
        <form noValidate aria-label="Reset your password" onSubmit={onSubmit} className="flex flex-col gap-4">
          <FormError message={formError} />
          <Field label="Email" type="email" autoComplete="email" error={errors.email?.message} {...form.register("email")} />
          <SubmitButton pending={pending} pendingLabel="Sending…">
            Send me a reset link
          </SubmitButton>
        </form>
      )}
    </div>
  );
}
