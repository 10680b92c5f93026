"use client";

import Link from "next/link";
import { useState } from "react";
import { toast } from "sonner";
import { FormError } from "@/components/forms/form-error";
import { NewPasswordFields } from "@/components/forms/new-password-fields";
import { withPasswordConfirmation } from "@/components/forms/password-confirmation";
import { SubmitButton } from "@/components/forms/submit-button";
import { useApiForm } from "@/components/forms/use-api-form";
import { buttonStyles } from "@/components/ui/button-styles";
import { sendJson } from "@/lib/http/client-json";
import { resetPasswordSchema } from "@/lib/validation/auth";

const formSchema = withPasswordConfirmation(resetPasswordSchema, "password");

/** Sets a new password with the mailed token; afterwards the user signs in with it. */
export function ResetPasswordForm({ token }: { token: string }) {
  const [answer, setAnswer] = useState<string | null>(null);
  const { form, errors, pending, formError, submit } = useApiForm(formSchema, { token, password: "", confirmPassword: "" });
  const onSubmit = submit(
    (values) => sendJson<{ message: string }>("/api/auth/reset-password", { token: values.token, password: values.password }),
    ({ message }) => {
      toast.success("Password changed");
      setAnswer(message);
    },
  );
  // The token is not a field the user can fix: its error belongs in the form's alert, with the way out.
  const tokenError = errors.token?.message;
  const alert = formError ?? (tokenError ? `${tokenError} Ask for a new one.` : null);

  if (answer) {
    return (
      <div className="flex flex-col gap-4">
        <p
          role="status"
          className="rounded-lg border border-emerald-700 bg-emerald-50 p-3 text-emerald-900 dark:border-emerald-400 dark:bg-emerald-950 dark:text-emerald-100"
        >
          {answer}
        </p>
        <Link href="/signin" className={`${buttonStyles.primary} self-start`}>
          Sign in
        </Link>
      </div>
    );
  }

  return (
    <form noValidate aria-label="Choose a new password" onSubmit={onSubmit} className="flex flex-col gap-4">
      <FormError message={alert}>
        {tokenError && (
          <Link href="/forgot-password" className="font-medium underline underline-offset-2">
            Ask for a new reset link
          </Link>
        )}
      </FormError>
      <input type="hidden" {...form.register("token")} />
      <NewPasswordFields
        password={form.register("password")}
        confirmation={form.register("confirmPassword")}
        errors={{ password: errors.password?.message, confirmation: errors.confirmPassword?.message }}
      />
      <SubmitButton pending={pending} pendingLabel="Saving…">
        Set new password
      </SubmitButton>
    </form>
  );
}
