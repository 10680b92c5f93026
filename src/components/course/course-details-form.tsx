"use client";

import { useRouter } from "next/navigation";
import { useId } from "react";
import { toast } from "sonner";
import { Field } from "@/components/forms/field";
import { FormError } from "@/components/forms/form-error";
import { SelectField } from "@/components/forms/select-field";
import { SubmitButton } from "@/components/forms/submit-button";
import { TextAreaField } from "@/components/forms/textarea-field";
import { useApiForm } from "@/components/forms/use-api-form";
import { sendJson } from "@/lib/http/client-json";
import { OutcomesField } from "./outcomes-field";
import { createCourseSchema, DIFFICULTIES } from "@/lib/validation/course";

export type CourseDetails = {
  title: string;
  description: string | null;
  outcomes: string[];
  category: string | null;
  difficulty: (typeof DIFFICULTIES)[number] | null;
  estimatedDuration: number | null;
  selfEnrollment: boolean;
  certificateEnabled: boolean;
  certificateLine: string | null;
};

const difficultyOptions = [
  { value: "", label: "Not set" },
  ...DIFFICULTIES.map((d) => ({ value: d, label: d[0]!.toUpperCase() + d.slice(1) })),
];

/** Creates a course (then opens its editor) or saves the details of an existing one. */
export function CourseDetailsForm({ courseId, initial, categories }: { courseId?: string; initial?: CourseDetails; categories: string[] }) {
  const categoryOptions = [
    { value: "", label: "None" },
    // A course keeps showing its category even if an admin has just removed it from the list.
    ...[...new Set([...categories, ...(initial?.category ? [initial.category] : [])])].map((name) => ({ value: name, label: name })),
  ];
  const router = useRouter();
  const selfEnrollmentId = useId();
  const certificateId = useId();
  const { form, errors, pending, formError, submit } = useApiForm(createCourseSchema, {
    title: initial?.title ?? "",
    description: initial?.description ?? "",
    // One empty box to start the list in.
    outcomes: initial?.outcomes.length ? initial.outcomes : [""],
    category: initial?.category ?? "",
    difficulty: initial?.difficulty ?? null,
    estimatedDuration: initial?.estimatedDuration ?? null,
    selfEnrollment: initial?.selfEnrollment ?? true,
    certificateEnabled: initial?.certificateEnabled ?? false,
    certificateLine: initial?.certificateLine ?? "",
  });
  const onSubmit = submit(
    (values) =>
      courseId
        ? sendJson<{ course: { id: string } }>(`/api/instructor/courses/${courseId}`, values, "PATCH")
        : sendJson<{ course: { id: string } }>("/api/instructor/courses", values),
    ({ course }) => {
      if (courseId) {
        toast.success("Course details saved.");
        router.refresh();
      } else {
        toast.success("Course created. Add modules and lessons next.");
        router.push(`/instructor/courses/${course.id}`);
      }
    },
  );

  const outcomes = form.watch("outcomes") ?? [];
  const outcomeErrors = errors.outcomes;

  return (
    <form noValidate onSubmit={onSubmit} aria-label="Course details" className="flex flex-col gap-4">
      <FormError message={formError} />
      <Field label="Title" error={errors.title?.message} {...form.register("title")} />
      <TextAreaField
        label="Description"
        hint="What learners will get from the course. Needed to publish."
        error={errors.description?.message}
        {...form.register("description")}
      />
      <OutcomesField
        value={outcomes}
        onChange={(next) => form.setValue("outcomes", next, { shouldDirty: true, shouldValidate: form.formState.isSubmitted })}
        errors={{
          items: outcomes.map((_, i) => outcomeErrors?.[i]?.message),
          list: outcomeErrors?.message ?? outcomeErrors?.root?.message,
        }}
      />
      <div className="grid gap-4 sm:grid-cols-3">
        <SelectField
          label="Category"
          options={categoryOptions}
          error={errors.category?.message}
          {...form.register("category", { setValueAs: (v: string) => (v ? v : null) })}
        />
        <SelectField
          label="Difficulty"
          options={difficultyOptions}
          error={errors.difficulty?.message}
          {...form.register("difficulty", { setValueAs: (v: string) => (v ? v : null) })}
        />
        <Field
          label="Estimated duration (minutes)"
          type="number"
          inputMode="numeric"
          min={0}
          error={errors.estimatedDuration?.message}
          {...form.register("estimatedDuration", {
            setValueAs: (v: string | number | null) => (v === "" || v === null ? null : Number(v)),
          })}
        />
      </div>
      <p className="flex flex-col gap-1">
        <span className="flex items-center gap-2">
          <input
            id={selfEnrollmentId}
            type="checkbox"
            className="size-4"
            aria-describedby={`${selfEnrollmentId}-hint`}
            // react-hook-form sets a registered box only when it hydrates: the server's HTML must already say the truth.
            defaultChecked={initial?.selfEnrollment ?? true}
            {...form.register("selfEnrollment")}
          />
          <label htmlFor={selfEnrollmentId} className="font-medium">
            Learners may enroll themselves
          </label>
        </span>
        <span id={`${selfEnrollmentId}-hint`} className="text-sm text-slate-700 dark:text-slate-300">
          When off, the course page offers no Enroll button: you, an admin, a cohort or an invitation enroll learners.
        </span>
      </p>
      <p className="flex flex-col gap-1">
        <span className="flex items-center gap-2">
          <input
            id={certificateId}
            type="checkbox"
            className="size-4"
            aria-describedby={`${certificateId}-hint`}
            defaultChecked={initial?.certificateEnabled ?? false}
            {...form.register("certificateEnabled")}
          />
          <label htmlFor={certificateId} className="font-medium">
            Award a certificate of completion
          </label>
        </span>
        <span id={`${certificateId}-hint`} className="text-sm text-slate-700 dark:text-slate-300">
          Issued once to each learner who completes every lesson, passes every quiz and has every assignment graded passing; anyone can
          verify it by its code. Turned on later, learners who completed the course already get theirs too.
        </span>
      </p>
      {form.watch("certificateEnabled") && (
        <Field
          label="A line printed on the certificate (optional)"
          hint="For example: 12 hours of guided practice."
          error={errors.certificateLine?.message}
          maxLength={200}
          {...form.register("certificateLine")}
        />
      )}
      <SubmitButton pending={pending} pendingLabel={courseId ? "Saving…" : "Creating…"}>
        {courseId ? "Save details" : "Create course"}
      </SubmitButton>
    </form>
  );
}
