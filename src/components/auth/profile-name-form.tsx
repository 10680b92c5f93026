"use client";

import { useRouter } from "next/navigation";
import { toast } from "sonner";
import { Field } from "@/components/forms/field";
import { FormError } from "@/components/forms/form-error";
import { SubmitButton } from "@/components/forms/submit-button";
import { TextAreaField } from "@/components/forms/textarea-field";
import { useApiForm } from "@/components/forms/use-api-form";
import { sendJson } from "@/lib/http/client-json";
import { BIO_MAX_LENGTH, profileSchema } from "@/lib/validation/auth";

/** The user's name and a short bio (shown with their name on the courses they teach). */
export function ProfileNameForm({ name, bio = null, headingId }: { name: string; bio?: string | null; headingId: string }) {
  const router = useRouter();
  const { form, errors, pending, formError, submit } = useApiForm(profileSchema, { name, bio: bio ?? "" });
  const onSubmit = submit(
    (values) => sendJson<{ user: { name: string; bio: string | null } }>("/api/profile", values, "PATCH"),
    ({ user }) => {
      toast.success("Saved");
      form.reset({ name: user.name, bio: user.bio ?? "" });
      // The header shows the name: render the server components again.
      router.refresh();
    },
  );

  return (
    <form noValidate aria-labelledby={headingId} onSubmit={onSubmit} className="flex flex-col gap-4">
      <FormError message={formError} />
      <Field label="Name" autoComplete="name" error={errors.name?.message} {...form.register("name")} />
      <TextAreaField
        label="Bio"
        rows={4}
        maxLength={BIO_MAX_LENGTH}
        hint="A few lines about you. Learners see it with your name on the courses you teach."
        error={errors.bio?.message}
        {...form.register("bio")}
      />
      <SubmitButton pending={pending} pendingLabel="Saving…">
        Save name and bio
      </SubmitButton>
    </form>
  );
}
