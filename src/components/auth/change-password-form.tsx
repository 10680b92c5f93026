"use client";

import { useRouter } from "next/navigation";
import { toast } from "sonner";
import { Field } from "@/components/forms/field";
import { FormError } from "@/components/forms/form-error";
import { NewPasswordFields } from "@/components/forms/new-password-fields";
import { withPasswordConfirmation } from "@/components/forms/password-confirmation";
import { SubmitButton } from "@/components/forms/submit-button";
import { useApiForm } from "@/components/forms/use-api-form";
import { sendJson } from "@/lib/http/client-json";
import { changePasswordSchema } from "@/lib/validation/auth";

const formSchema = withPasswordConfirmation(changePasswordSchema, "newPassword");
// The server asks for the current password only when the account has one; so does the browser.
const formSchemaWithCurrent = formSchema.refine((values) => Boolean(values.currentPassword), {
  path: ["currentPassword"],
  message: "Enter your current password.",
});

/** Changes (or, for an account made by magic link, sets) the password; other devices are signed out. */
export function ChangePasswordForm({ hasPassword, headingId }: { hasPassword: boolean; headingId: string }) {
  const router = useRouter();
  const { form, errors, pending, formError, submit } = useApiForm(hasPassword ? formSchemaWithCurrent : formSchema, {
    ...(hasPassword ? { currentPassword: "" } : {}),
    newPassword: "",
    confirmPassword: "",
  });
  const onSubmit = submit(
    ({ currentPassword, newPassword }) =>
      sendJson<{ message: string }>("/api/profile/password", hasPassword ? { currentPassword, newPassword } : { newPassword }, "PUT"),
    ({ message }) => {
      toast.success(message);
      form.reset();
      // The page shows whether a password is set, and the devices signed in: the other devices have just been signed out.
      router.refresh();
    },
  );

  return (
    <form noValidate aria-labelledby={headingId} onSubmit={onSubmit} className="flex flex-col gap-4">
      <FormError message={formError} />
      {hasPassword && (
        <Field
          label="Current password"
          type="password"
          autoComplete="current-password"
          error={errors.currentPassword?.message}
          {...form.register("currentPassword")}
        />
      )}
      <NewPasswordFields
        password={form.register("newPassword")}
        confirmation={form.register("confirmPassword")}
        errors={{ password: errors.newPassword?.message, confirmation: errors.confirmPassword?.message }}
      />
      <SubmitButton pending={pending} pendingLabel="Saving…">
        {hasPassword ? "Change password" : "Set password"}
      </SubmitButton>
    </form>
  );
}
