"use client";

import { forwardRef, useId } from "react";
import { ContentHtml } from "@/components/content/content-html";
import type { LearnerAnswer, LearnerQuestion } from "./quiz-api";
import type { SaveState } from "./use-answer-saver";

const optionBox =
  "flex cursor-pointer items-start gap-3 rounded-lg border border-slate-300 px-3 py-2 hover:bg-slate-50 has-[:checked]:border-indigo-700 has-[:checked]:bg-indigo-50 dark:border-slate-600 dark:hover:bg-slate-800 dark:has-[:checked]:border-indigo-300 dark:has-[:checked]:bg-indigo-950";
const inputBox =
  "w-full max-w-md rounded-lg border border-slate-400 bg-white px-3 py-2 text-slate-900 dark:border-slate-500 dark:bg-slate-950 dark:text-slate-100";

export const pointsLabel = (points: number) => `${points} point${points === 1 ? "" : "s"}`;

type Props = {
  question: LearnerQuestion;
  /** "Question 3 of 10" when one is shown at a time, "Question 3" on the whole page. */
  heading: string;
  answer: LearnerAnswer | null | undefined;
  onChange: (answer: LearnerAnswer | null, options?: { typing?: boolean }) => void;
  save: SaveState | undefined;
  onRetry: () => void;
  /** In the preview answers stay on the page: no saving state is shown. */
  tracking: boolean;
  /** 2 when the question is the screen's heading, 3 (the default) under the heading of a page of questions. */
  level?: 2 | 3;
};

/**
 * One question: its heading (focused when the learner moves to it), the prompt as sanitized markdown, and the answer
 * field its type needs: radio buttons, checkboxes, a text field or a number field (typed as text, so that "3,5" and
 * "1 000" are allowed), all native controls, so the keyboard works as everywhere else.
 */
export const QuestionField = forwardRef<HTMLHeadingElement, Props>(function QuestionField(
  { question, heading, answer, onChange, save, onRetry, tracking, level = 3 },
  headingRef,
) {
  const id = useId();
  const headingId = `${id}-heading`;
  const promptId = `${id}-prompt`;
  const hintId = `${id}-hint`;
  const labelledBy = `${headingId} ${promptId}`;
  const chosen = answer && "optionId" in answer ? answer.optionId : null;
  const chosenMany = answer && "optionIds" in answer ? answer.optionIds : [];
  const Heading = level === 2 ? "h2" : "h3";

  return (
    <section aria-labelledby={headingId} className="flex flex-col gap-3 rounded-xl border border-slate-200 p-4 dark:border-slate-800">
      <Heading id={headingId} ref={headingRef} tabIndex={-1} className="text-lg font-semibold">
        {heading}
        <span className="ml-2 text-sm font-normal text-slate-600 dark:text-slate-300">({pointsLabel(question.points)})</span>
      </Heading>
      <div id={promptId}>
        <ContentHtml html={question.promptHtml} />
      </div>

      {(question.type === "single" || question.type === "true_false") && (
        <div role="radiogroup" aria-labelledby={labelledBy} className="flex flex-col gap-2">
          {question.options.map((option) => (
            <label key={option.id} className={optionBox}>
              <input
                type="radio"
                name={`${id}-choice`}
                value={option.id}
                checked={chosen === option.id}
                onChange={() => onChange({ optionId: option.id })}
                className="mt-1 h-4 w-4 shrink-0 accent-indigo-700 dark:accent-indigo-300"
              />
              <span>{option.text}</span>
            </label>
          ))}
        </div>
      )}

      {question.type === "multiple" && (
        <div role="group" aria-labelledby={labelledBy} aria-describedby={hintId} className="flex flex-col gap-2">
          <p id={hintId} className="text-sm text-slate-700 dark:text-slate-300">
            Choose all that apply.
          </p>
          {question.options.map((option) => (
            <label key={option.id} className={optionBox}>
              <input
                type="checkbox"
                value={option.id}
                checked={chosenMany.includes(option.id)}
                onChange={(event) => {
                  const next = event.target.checked ? [...chosenMany, option.id] : chosenMany.filter((optionId) => optionId !== option.id);
                  onChange(next.length ? { optionIds: next } : null);
                }}
                className="mt-1 h-4 w-4 shrink-0 accent-indigo-700 dark:accent-indigo-300"
              />
              <span>{option.text}</span>
            </label>
          ))}
        </div>
      )}

      {question.type === "short_text" && (
        <div className="flex flex-col gap-1">
          <label htmlFor={`${id}-text`} className="text-sm font-medium">
            Your answer
          </label>
          <input
            id={`${id}-text`}
            type="text"
            autoComplete="off"
            maxLength={500}
            aria-describedby={promptId}
            value={answer && "text" in answer ? answer.text : ""}
            onChange={(event) => onChange(event.target.value ? { text: event.target.value } : null, { typing: true })}
            className={inputBox}
          />
        </div>
      )}

      {question.type === "numeric" && (
        <div className="flex flex-col gap-1">
          <label htmlFor={`${id}-number`} className="text-sm font-medium">
            Your answer (a number)
          </label>
          <input
            id={`${id}-number`}
            type="text"
            inputMode="decimal"
            autoComplete="off"
            maxLength={100}
            aria-describedby={`${promptId} ${hintId}`}
            value={answer && "value" in answer ? String(answer.value) : ""}
            onChange={(event) => onChange(event.target.value ? { value: event.target.value } : null, { typing: true })}
            className={`${inputBox} max-w-48`}
          />
          <p id={hintId} className="text-sm text-slate-700 dark:text-slate-300">
            For example 12, -4, 3.5 or 3,5.
          </p>
        </div>
      )}

      {tracking && <SaveLine save={save} onRetry={onRetry} />}
    </section>
  );
});

function SaveLine({ save, onRetry }: { save: SaveState | undefined; onRetry: () => void }) {
  if (save?.state === "failed") {
    return (
      <div role="alert" className="flex flex-wrap items-center gap-3 text-sm text-red-800 dark:text-red-300">
        <span>Not saved: {save.message}</span>
        <button type="button" onClick={onRetry} className="font-medium underline underline-offset-2">
          Try saving again
        </button>
      </div>
    );
  }
  const text = !save ? "" : save.state === "saved" ? "Saved" : "Saving…";
  return <p className="min-h-5 text-sm text-slate-600 dark:text-slate-300">{text}</p>;
}
