"use client";

import { useRouter } from "next/navigation";
import { toast } from "sonner";
import { LessonContent } from "@/components/content/lesson-content";
import { Field } from "@/components/forms/field";
import { FormError } from "@/components/forms/form-error";
import { SubmitButton } from "@/components/forms/submit-button";
import { TextAreaField } from "@/components/forms/textarea-field";
import { useApiForm } from "@/components/forms/use-api-form";
import { sendJson } from "@/lib/http/client-json";
import { lessonFieldsSchema } from "@/lib/validation/course";

/**
 * Title, duration and markdown content, with a live preview rendered exactly as learners will see it. The fields only:
 * a lesson's kind is set when it is created, and a PATCH that names one is refused.
 */
export function LessonEditorForm({
  endpoint,
  initial,
}: {
  endpoint: string;
  initial: { title: string; content: string | null; durationMinutes: number | null };
}) {
  const router = useRouter();
  const { form, errors, pending, formError, submit } = useApiForm(lessonFieldsSchema, {
    title: initial.title,
    content: initial.content ?? "",
    durationMinutes: initial.durationMinutes,
  });
  const content = form.watch("content");
  const onSubmit = submit(
    (values) => sendJson(endpoint, values, "PATCH"),
    () => {
      toast.success("Lesson saved.");
      router.refresh();
    },
  );
  return (
    <form noValidate onSubmit={onSubmit} aria-label="Lesson" className="flex flex-col gap-4">
      <FormError message={formError} />
      <div className="grid gap-4 sm:grid-cols-[1fr_14rem]">
        <Field label="Title" error={errors.title?.message} {...form.register("title")} />
        <Field
          label="Duration (minutes)"
          type="number"
          inputMode="numeric"
          min={0}
          error={errors.durationMinutes?.message}
          {...form.register("durationMinutes", { setValueAs: (v: string | number | null) => (v === "" || v === null ? null : Number(v)) })}
        />
      </div>
      <div className="grid gap-4 lg:grid-cols-2">
        <TextAreaField
          label="Content (markdown)"
          rows={16}
          hint="Headings with #, lists with -, links with [text](https://…). HTML and scripts are removed."
          error={errors.content?.message}
          {...form.register("content")}
        />
        <section aria-labelledby="preview-title" className="flex flex-col gap-1">
          <h3 id="preview-title" className="text-sm font-medium">
            Preview
          </h3>
          <div className="min-h-40 rounded-lg border border-slate-200 p-3 dark:border-slate-800">
            <LessonContent markdown={content ?? null} />
          </div>
        </section>
      </div>
      <SubmitButton pending={pending} pendingLabel="Saving…">
        Save lesson
      </SubmitButton>
    </form>
  );
}
