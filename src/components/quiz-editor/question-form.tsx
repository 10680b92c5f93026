"use client";

import { Plus, X } from "lucide-react";
import { useEffect, useId, useRef, useState } from "react";
import { LessonContent } from "@/components/content/lesson-content";
import { Field, FieldError, errorTextClass } from "@/components/forms/field";
import { FormError } from "@/components/forms/form-error";
import { SelectField } from "@/components/forms/select-field";
import { TextAreaField } from "@/components/forms/textarea-field";
import { buttonStyles } from "@/components/ui/button-styles";
import { iconButton } from "@/components/curriculum/sortable-row";
import type { ApiResult } from "@/lib/http/client-json";
import { MAX_ACCEPTED_ANSWERS, MAX_OPTIONS, QUESTION_TYPES, type QuestionType } from "@/lib/validation/quiz";
import { checkDraft, draftOf, rowKey, TYPE_HINTS, TYPE_LABELS, type Draft, type QuestionFields } from "./question-draft";

const smallButton = `${buttonStyles.secondary} px-3 py-1 text-sm`;

/**
 * One question's form, to add one (of the type picked) or edit one. Checked with the server's schema before it is sent;
 * the server's refusal keeps the form open with its message and field errors. The prompt shows as learners will see it.
 */
export function QuestionForm({
  title,
  initial,
  type,
  submitLabel,
  onSave,
  onCancel,
}: {
  title: string;
  initial: QuestionFields | null;
  type?: QuestionType;
  submitLabel: string;
  onSave: (fields: QuestionFields) => Promise<ApiResult<unknown>>;
  onCancel: () => void;
}) {
  const id = useId();
  const form = useRef<HTMLFormElement>(null);
  const [draft, setDraft] = useState<Draft>(() => draftOf(initial, type));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const [focusError, setFocusError] = useState(0);
  const set = (change: Partial<Draft>) => setDraft((d) => ({ ...d, ...change }));

  useEffect(() => {
    form.current?.querySelector<HTMLElement>("[name=prompt]")?.focus();
  }, []);
  useEffect(() => {
    if (focusError) form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [focusError]);

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    const checked = checkDraft(draft);
    if (!checked.ok) {
      setErrors(checked.errors);
      setFormError("Check the question: " + Object.values(checked.errors)[0]);
      setFocusError((n) => n + 1);
      return;
    }
    setErrors({});
    setFormError(null);
    setPending(true);
    const result = await onSave(checked.fields);
    setPending(false);
    if (!result.ok) {
      setErrors(result.error.fields);
      setFormError(result.error.message);
      setFocusError((n) => n + 1);
    }
  }

  const choice = draft.type === "single" || draft.type === "multiple";
  const optionError = (i: number) => errors[`options.${i}.text`] ?? errors[`options.${i}`];
  return (
    <form ref={form} noValidate onSubmit={(e) => void submit(e)} aria-labelledby={`${id}-title`} className="flex flex-col gap-4">
      <h3 id={`${id}-title`} className="font-semibold">
        {title}
      </h3>
      <FormError message={formError} />
      <SelectField
        name="type"
        label="Type"
        value={draft.type}
        onChange={(e) => set({ type: e.target.value as QuestionType })}
        options={QUESTION_TYPES.map((t) => ({ value: t, label: TYPE_LABELS[t] }))}
        error={errors.type}
      />
      <p className="-mt-3 text-sm text-slate-600 dark:text-slate-300">{TYPE_HINTS[draft.type]}</p>
      <div className="grid gap-4 lg:grid-cols-2">
        <TextAreaField
          name="prompt"
          label="Question (markdown)"
          rows={5}
          value={draft.prompt}
          onChange={(e) => set({ prompt: e.target.value })}
          error={errors.prompt}
        />
        <section aria-label="The question as learners see it" className="flex flex-col gap-1">
          <p className="text-sm font-medium" aria-hidden="true">
            As learners see it
          </p>
          <div className="min-h-24 rounded-lg border border-slate-200 p-3 dark:border-slate-800">
            <LessonContent markdown={draft.prompt} />
          </div>
        </section>
      </div>

      {choice && (
        <fieldset className="flex flex-col gap-2" aria-describedby={errors.options ? `${id}-options-error` : undefined}>
          <legend className="mb-1 text-sm font-medium">
            Options: mark {draft.type === "single" ? "the right one" : "every right one"}
          </legend>
          {draft.options.map((option, i) => (
            <div key={option.key} className="flex flex-col gap-1">
              <div className="flex flex-wrap items-center gap-2">
                <span className="flex items-center gap-1.5">
                  <input
                    id={`${id}-correct-${i}`}
                    type={draft.type === "single" ? "radio" : "checkbox"}
                    name={`${id}-correct`}
                    checked={option.correct}
                    onChange={(e) =>
                      set({
                        options: draft.options.map((o, j) =>
                          draft.type === "single" ? { ...o, correct: j === i } : j === i ? { ...o, correct: e.target.checked } : o,
                        ),
                      })
                    }
                    className="h-4 w-4 accent-indigo-700 dark:accent-indigo-300"
                  />
                  <label htmlFor={`${id}-correct-${i}`} className="text-sm">
                    Right<span className="sr-only"> answer: option {i + 1}</span>
                  </label>
                </span>
                <label htmlFor={`${id}-option-${i}`} className="sr-only">
                  Option {i + 1}
                </label>
                <input
                  id={`${id}-option-${i}`}
                  value={option.text}
                  placeholder={`Option ${i + 1}`}
                  aria-invalid={optionError(i) ? true : undefined}
                  aria-describedby={optionError(i) ? `${id}-option-${i}-error` : undefined}
                  onChange={(e) => set({ options: draft.options.map((o, j) => (j === i ? { ...o, text: e.target.value } : o)) })}
                  className="min-w-0 flex-1 basis-40 rounded-lg border border-slate-500 bg-white px-3 py-1.5 text-slate-900 placeholder:text-slate-600 aria-invalid:border-red-700 dark:border-slate-400 dark:bg-slate-900 dark:text-slate-100 dark:placeholder:text-slate-400"
                />
                <button
                  type="button"
                  className={iconButton}
                  aria-label={`Remove option ${i + 1}`}
                  disabled={draft.options.length <= 2}
                  onClick={() => set({ options: draft.options.filter((_, j) => j !== i) })}
                >
                  <X aria-hidden="true" className="h-4 w-4" />
                </button>
              </div>
              {optionError(i) && (
                <p id={`${id}-option-${i}-error`} className={errorTextClass}>
                  {optionError(i)}
                </p>
              )}
            </div>
          ))}
          <p>
            <button
              type="button"
              className={smallButton}
              disabled={draft.options.length >= MAX_OPTIONS}
              onClick={() => set({ options: [...draft.options, { key: rowKey(), text: "", correct: false }] })}
            >
              <Plus aria-hidden="true" className="h-4 w-4" />
              Add option
            </button>
          </p>
          <FieldError id={`${id}-options-error`} message={errors.options} />
        </fieldset>
      )}
      {draft.type === "multiple" && (
        <label className="flex items-start gap-2">
          <input
            type="checkbox"
            checked={draft.partialCredit}
            onChange={(e) => set({ partialCredit: e.target.checked })}
            className="mt-1 h-4 w-4 accent-indigo-700 dark:accent-indigo-300"
          />
          <span>Partial credit: a share of the points for a partly right answer (else all or nothing)</span>
        </label>
      )}
      {draft.type === "true_false" && (
        <fieldset className="flex flex-col gap-2">
          <legend className="mb-1 text-sm font-medium">The statement is</legend>
          {[true, false].map((value) => (
            <label key={String(value)} className="flex items-center gap-2">
              <input
                type="radio"
                name={`${id}-truth`}
                checked={draft.correct === value}
                onChange={() => set({ correct: value })}
                className="h-4 w-4 accent-indigo-700 dark:accent-indigo-300"
              />
              {value ? "True" : "False"}
            </label>
          ))}
        </fieldset>
      )}
      {draft.type === "short_text" && (
        <fieldset className="flex flex-col gap-2" aria-describedby={`${id}-accepted-hint`}>
          <legend className="mb-1 text-sm font-medium">Accepted answers</legend>
          <p id={`${id}-accepted-hint`} className="text-sm text-slate-600 dark:text-slate-300">
            An answer is right when it matches one of these, whatever its letter case and extra spaces.
          </p>
          {draft.acceptedAnswers.map((answer, i) => {
            const error = errors[`acceptedAnswers.${i}`];
            return (
              <div key={answer.key} className="flex flex-col gap-1">
                <div className="flex flex-wrap items-center gap-2">
                  <label htmlFor={`${id}-accepted-${i}`} className="sr-only">
                    Accepted answer {i + 1}
                  </label>
                  <input
                    id={`${id}-accepted-${i}`}
                    value={answer.text}
                    placeholder={`Accepted answer ${i + 1}`}
                    aria-invalid={error ? true : undefined}
                    aria-describedby={error ? `${id}-accepted-${i}-error` : undefined}
                    onChange={(e) =>
                      set({ acceptedAnswers: draft.acceptedAnswers.map((a, j) => (j === i ? { ...a, text: e.target.value } : a)) })
                    }
                    className="min-w-0 flex-1 basis-40 rounded-lg border border-slate-500 bg-white px-3 py-1.5 text-slate-900 placeholder:text-slate-600 aria-invalid:border-red-700 dark:border-slate-400 dark:bg-slate-900 dark:text-slate-100 dark:placeholder:text-slate-400"
                  />
                  <button
                    type="button"
                    className={iconButton}
                    aria-label={`Remove accepted answer ${i + 1}`}
                    disabled={draft.acceptedAnswers.length <= 1}
                    onClick={() => set({ acceptedAnswers: draft.acceptedAnswers.filter((_, j) => j !== i) })}
                  >
                    <X aria-hidden="true" className="h-4 w-4" />
                  </button>
                </div>
                {error && (
                  <p id={`${id}-accepted-${i}-error`} className={errorTextClass}>
                    {error}
                  </p>
                )}
              </div>
            );
          })}
          <p>
            <button
              type="button"
              className={smallButton}
              disabled={draft.acceptedAnswers.length >= MAX_ACCEPTED_ANSWERS}
              onClick={() => set({ acceptedAnswers: [...draft.acceptedAnswers, { key: rowKey(), text: "" }] })}
            >
              <Plus aria-hidden="true" className="h-4 w-4" />
              Add an accepted answer
            </button>
          </p>
          <FieldError id={`${id}-accepted-error`} message={errors.acceptedAnswers} />
        </fieldset>
      )}
      {draft.type === "numeric" && (
        <div className="grid gap-4 sm:grid-cols-2">
          <Field
            name="answer"
            label="Right answer"
            inputMode="decimal"
            value={draft.answer}
            onChange={(e) => set({ answer: e.target.value })}
            error={errors.answer}
          />
          <Field
            name="tolerance"
            label="Tolerance (±)"
            inputMode="decimal"
            value={draft.tolerance}
            onChange={(e) => set({ tolerance: e.target.value })}
            hint="0 for an exact answer; 0.1 around 3.5 accepts 3.4 to 3.6."
            error={errors.tolerance}
          />
        </div>
      )}

      <div className="grid gap-4 sm:grid-cols-[10rem_1fr]">
        <Field
          name="points"
          label="Points"
          type="number"
          inputMode="numeric"
          min={1}
          value={draft.points}
          onChange={(e) => set({ points: e.target.value })}
          error={errors.points}
        />
        <TextAreaField
          name="explanation"
          label="Explanation (markdown, optional)"
          rows={3}
          hint="Shown with the result, as the quiz's settings allow."
          value={draft.explanation}
          onChange={(e) => set({ explanation: e.target.value })}
          error={errors.explanation}
        />
      </div>
      <div className="flex flex-wrap gap-2">
        <button type="submit" disabled={pending} className={buttonStyles.primary}>
          {pending ? "Saving…" : submitLabel}
        </button>
        <button type="button" className={buttonStyles.secondary} onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
