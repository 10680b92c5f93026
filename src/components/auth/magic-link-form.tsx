"use client";

import { useRouter } from "next/navigation";
import { Field } from "@/components/forms/field";
import { FormError } from "@/components/forms/form-error";
import { SubmitButton } from "@/components/forms/submit-button";
import { useApiForm } from "@/components/forms/use-api-form";
import { sendJson } from "@/lib/http/client-json";
import { magicLinkSchema } from "@/lib/validation/auth";

/** Mails a one-time sign-in link that returns to `callbackUrl`, then says to check the inbox. */
export function MagicLinkForm({ callbackUrl, headingId }: { callbackUrl: string; headingId: string }) {
  const router = useRouter();
  const { form, errors, pending, formError, submit } = useApiForm(magicLinkSchema, { email: "", callbackUrl });
  const onSubmit = submit(
    (values) => sendJson<{ message: string }>("/api/auth/magic-link", values),
    (_answer, values) => router.push(`/check-email?email=${encodeURIComponent(values.email)}`),
  );

  return (
    <form noValidate aria-labelledby={headingId} onSubmit={onSubmit} className="flex flex-col gap-4">
      <FormError message={formError} />
      <Field label="Email" type="email" autoComplete="email" error={errors.email?.message} {...form.register("email")} />
      <SubmitButton pending={pending} pendingLabel="Sending the link…" variant="secondary">
        Email me a sign-in link
      </SubmitButton>
    </form>
  );
}
