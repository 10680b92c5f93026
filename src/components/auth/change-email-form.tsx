"use client";

import { toast } from "sonner";
import { Field } from "@/components/forms/field";
import { FormError } from "@/components/forms/form-error";
import { SubmitButton } from "@/components/forms/submit-button";
import { useApiForm } from "@/components/forms/use-api-form";
import { sendJson } from "@/lib/http/client-json";
import { changeEmailSchema } from "@/lib/validation/auth";

/** Asks to move the account to a new address; the link mailed there makes the change. */
export function ChangeEmailForm({ hasPassword, headingId }: { hasPassword: boolean; headingId: string }) {
  const { form, errors, pending, formError, submit } = useApiForm(changeEmailSchema, {
    email: "",
    ...(hasPassword ? { currentPassword: "" } : {}),
  });
  const onSubmit = submit(
    (values) => sendJson<{ message: string }>("/api/profile/email", values),
    ({ message }) => {
      toast.success(message);
      form.reset();
    },
  );

  return (
    <form noValidate aria-labelledby={headingId} onSubmit={onSubmit} className="flex flex-col gap-4">
      <FormError message={formError} />
      <Field label="New email" type="email" autoComplete="email" error={errors.email?.message} {...form.register("email")} />
      {hasPassword && (
        <Field
          label="Current password"
          type="password"
          autoComplete="current-password"
          error={errors.currentPassword?.message}
          {...form.register("currentPassword")}
        />
      )}
      <SubmitButton pending={pending} pendingLabel="Sending…">
        Send a confirmation link
      </SubmitButton>
    </form>
  );
}
