"use client";

import { Field } from "@/components/forms/field";
import { FormError } from "@/components/forms/form-error";
import { NewPasswordFields } from "@/components/forms/new-password-fields";
import { withPasswordConfirmation } from "@/components/forms/password-confirmation";
import { SubmitButton } from "@/components/forms/submit-button";
import { useApiForm } from "@/components/forms/use-api-form";
import { sendJson } from "@/lib/http/client-json";
import { acceptInvitationSchema } from "@/lib/validation/invitations";

const formSchema = withPasswordConfirmation(acceptInvitationSchema, "password");

/** Name and password for the invited address; the new account is signed in and lands in its first course. */
export function AcceptInvitationForm({ token, email }: { token: string; email: string }) {
  const { form, errors, pending, formError, submit, leaveTo } = useApiForm(formSchema, {
    token,
    name: "",
    password: "",
    confirmPassword: "",
  });
  const onSubmit = submit(
    (values) =>
      sendJson<{ next: string }>("/api/invitations/accept", { token: values.token, name: values.name, password: values.password }),
    ({ next }) => leaveTo(next),
  );
  const alert = formError ?? errors.token?.message ?? null;

  return (
    <form noValidate aria-label="Accept the invitation" onSubmit={onSubmit} className="flex flex-col gap-4">
      <FormError message={alert} />
      <input type="hidden" {...form.register("token")} />
      <Field
        label="E-mail address"
        name="email"
        type="email"
        value={email}
        readOnly
        autoComplete="username"
        hint="Your invitation is for this address."
      />
      <Field label="Your name" autoComplete="name" error={errors.name?.message} {...form.register("name")} />
      <NewPasswordFields
        password={form.register("password")}
        confirmation={form.register("confirmPassword")}
        errors={{ password: errors.password?.message, confirmation: errors.confirmPassword?.message }}
      />
      <SubmitButton pending={pending} pendingLabel="Creating your account…">
        Create my account
      </SubmitButton>
    </form>
  );
}
