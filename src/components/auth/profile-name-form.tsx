"use client";

import { useRouter } from "next/navigation";
import { toast } from "sonner";
import { Field } from "@/components/forms/field";
import { FormError } from "@/components/forms/form-error";
import { SubmitButton } from "@/components/forms/submit-button";
import { useApiForm } from "@/components/forms/use-api-form";
import { sendJson } from "@/lib/http/client-json";
import { profileSchema } from "@/lib/validation/auth";

export function ProfileNameForm({ name, headingId }: { name: string; headingId: string }) {
  const router = useRouter();
  const { form, errors, pending, formError, submit } = useApiForm(profileSchema, { name });
  const onSubmit = submit(
    (values) => sendJson<{ user: { name: string } }>("/api/profile", values, "PATCH"),
    ({ user }) => {
      toast.success("Saved");
      form.reset({ name: user.name });
      // The header shows the name: render the server components again.
      router.refresh();
    },
  );

  return (
    <form noValidate aria-labelledby={headingId} onSubmit={onSubmit} className="flex flex-col gap-4">
      <FormError message={formError} />
      <Field label="Name" autoComplete="name" error={errors.name?.message} {...form.register("name")} />
      <SubmitButton pending={pending} pendingLabel="Saving…">
        Save name
      </SubmitButton>
    </form>
  );
}
