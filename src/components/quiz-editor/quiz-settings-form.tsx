"use client";

import { useState } from "react";
import { toast } from "sonner";
import { Field } from "@/components/forms/field";
import { FormError } from "@/components/forms/form-error";
import { SelectField } from "@/components/forms/select-field";
import { SubmitButton } from "@/components/forms/submit-button";
import { sendJson } from "@/lib/http/client-json";
import { quizSettingsFieldsSchema, SHOW_ANSWERS, type QuizSettings } from "@/lib/validation/quiz";

const SHOW_ANSWERS_LABELS: Record<(typeof SHOW_ANSWERS)[number], string> = {
  after_submit: "After each submitted attempt",
  after_pass: "Once the learner has passed",
  never: "Never (only the score)",
};

type Text = { passingScore: string; maxAttempts: string; timeLimitMinutes: string };

/** A whole number as typed; empty is null (no limit). Anything else is NaN, which the schema names. */
const wholeOrNull = (text: string) => (text.trim() === "" ? null : Number(text.trim()));

/**
 * The quiz's settings (PATCH …/quiz), checked with the server's schema before they are sent. An empty number of
 * attempts or time limit means none.
 */
export function QuizSettingsForm({ endpoint, initial }: { endpoint: string; initial: QuizSettings }) {
  const [text, setText] = useState<Text>({
    passingScore: String(initial.passingScore),
    maxAttempts: initial.maxAttempts === null ? "" : String(initial.maxAttempts),
    timeLimitMinutes: initial.timeLimitMinutes === null ? "" : String(initial.timeLimitMinutes),
  });
  const [flags, setFlags] = useState({
    shuffleQuestions: initial.shuffleQuestions,
    shuffleOptions: initial.shuffleOptions,
    showAnswers: initial.showAnswers,
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const parsed = quizSettingsFieldsSchema.safeParse({
      passingScore: wholeOrNull(text.passingScore) ?? Number.NaN,
      maxAttempts: wholeOrNull(text.maxAttempts),
      timeLimitMinutes: wholeOrNull(text.timeLimitMinutes),
      ...flags,
    });
    if (!parsed.success) {
      const found: Record<string, string> = {};
      for (const issue of parsed.error.issues) found[String(issue.path[0])] ??= issue.message;
      setErrors(found);
      setFormError("Check the settings: " + Object.values(found)[0]);
      form.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
      return;
    }
    setErrors({});
    setFormError(null);
    setPending(true);
    const result = await sendJson<{ settings: QuizSettings }>(endpoint, parsed.data, "PATCH");
    setPending(false);
    if (!result.ok) {
      setErrors(result.error.fields);
      setFormError(result.error.message);
      return;
    }
    toast.success("Quiz settings saved.");
  }

  const number = (name: keyof Text, label: string, hint: string) => (
    <Field
      name={name}
      label={label}
      inputMode="numeric"
      value={text[name]}
      onChange={(e) => setText((t) => ({ ...t, [name]: e.target.value }))}
      hint={hint}
      error={errors[name]}
    />
  );

  return (
    <form noValidate onSubmit={(e) => void submit(e)} aria-label="Quiz settings" className="flex flex-col gap-4">
      <FormError message={formError} />
      <div className="grid gap-4 sm:grid-cols-3">
        {number("passingScore", "Passing score (%)", "0 to 100.")}
        {number("maxAttempts", "Attempts allowed", "Empty for unlimited.")}
        {number("timeLimitMinutes", "Time limit (minutes)", "Empty for none.")}
      </div>
      <fieldset className="flex flex-col gap-2">
        <legend className="mb-1 text-sm font-medium">Order</legend>
        <label className="flex items-start gap-2">
          <input
            type="checkbox"
            name="shuffleQuestions"
            checked={flags.shuffleQuestions}
            onChange={(e) => setFlags((f) => ({ ...f, shuffleQuestions: e.target.checked }))}
            className="mt-1 h-4 w-4 accent-indigo-700 dark:accent-indigo-300"
          />
          <span>Shuffle the questions for each attempt</span>
        </label>
        <label className="flex items-start gap-2">
          <input
            type="checkbox"
            name="shuffleOptions"
            checked={flags.shuffleOptions}
            onChange={(e) => setFlags((f) => ({ ...f, shuffleOptions: e.target.checked }))}
            className="mt-1 h-4 w-4 accent-indigo-700 dark:accent-indigo-300"
          />
          <span>Shuffle the options of choice questions</span>
        </label>
      </fieldset>
      <SelectField
        name="showAnswers"
        label="Show the right answers and explanations"
        value={flags.showAnswers}
        onChange={(e) => setFlags((f) => ({ ...f, showAnswers: e.target.value as QuizSettings["showAnswers"] }))}
        options={SHOW_ANSWERS.map((value) => ({ value, label: SHOW_ANSWERS_LABELS[value] }))}
        error={errors.showAnswers}
      />
      <SubmitButton pending={pending} pendingLabel="Saving…">
        Save settings
      </SubmitButton>
    </form>
  );
}
