"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { ChevronLeft, ChevronRight } from "lucide-react";
import { buttonStyles } from "@/components/ui/button-styles";
import type { ApiResult } from "@/lib/http/client-json";
import { isAnswered, type LearnerAnswer, type LearnerAttempt } from "./quiz-api";
import { ErrorLine } from "./error-line";
import { QuestionField } from "./question-field";
import { QuizCountdown } from "./quiz-countdown";
import { useAnswerSaver } from "./use-answer-saver";
import { useQuizLayout, type QuizLayout } from "./use-quiz-layout";

type Props = {
  attempt: LearnerAttempt;
  /** The server's clock minus this device's, for the countdown. */
  offsetMs: number;
  /** false in the editors' preview: answers stay on the page and nothing is submitted. */
  tracking: boolean;
  save: (questionId: string, answer: LearnerAnswer | null) => Promise<ApiResult<unknown>>;
  /** Grades the attempt (after every answer is saved); answers an error message when it could not. */
  onSubmit: () => Promise<string | null>;
  onLeavePreview: () => void;
};

type View = { name: "questions"; index: number } | { name: "review" };

/**
 * Taking an attempt: the questions one per screen or all on one page (the learner's choice, remembered), how many are
 * answered, the countdown when timed, answers saved as they are given, and a review screen listing what is unanswered
 * before the submit. Each change of screen moves the focus to its heading, so keyboard and screen reader users start
 * reading at the right place.
 */
export function QuizTaking({ attempt, offsetMs, tracking, save, onSubmit, onLeavePreview }: Props) {
  const [layout, setLayout] = useQuizLayout();
  const [view, setView] = useState<View>({ name: "questions", index: 0 });
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const focusNext = useRef<string | null>("screen");
  const questions = attempt.questions;
  const count = questions.length;

  const submit = useCallback(async () => {
    setSubmitting(true);
    setError(null);
    const message = await onSubmit();
    if (message) {
      setError(message);
      setSubmitting(false);
    }
  }, [onSubmit]);

  const saver = useAnswerSaver({
    initial: attempt.answers,
    save,
    // Submitted on another device, or the time ran out: the server grades it as saved; show that grading.
    onClosed: () => void submit(),
  });

  const finish = useCallback(async () => {
    setError(null);
    const failed = await saver.flush();
    if (failed.length) {
      const numbers = questions.filter((q) => failed.includes(q.id)).map((q) => q.number);
      setError(`Some answers are not saved (question ${numbers.join(", ")}). Try saving them again before you submit.`);
      return;
    }
    await submit();
  }, [saver, questions, submit]);

  useEffect(() => {
    const target = focusNext.current;
    if (!target) return;
    focusNext.current = null;
    const element = target === "screen" ? headingRef.current : document.getElementById(`quiz-question-${target}`)?.querySelector("h3");
    element?.focus();
    if (target !== "screen") element?.scrollIntoView({ block: "start" });
  });

  const show = (next: View, focus = "screen") => {
    focusNext.current = focus;
    setView(next);
  };
  const goTo = (index: number) => {
    const question = questions[index]!;
    if (layout === "one") show({ name: "questions", index });
    else show({ name: "questions", index }, question.id);
  };
  const changeLayout = (next: QuizLayout) => {
    setLayout(next);
    focusNext.current = null;
  };

  const answered = questions.filter((q) => isAnswered(saver.answers[q.id])).length;
  const unanswered = questions.filter((q) => !isAnswered(saver.answers[q.id]));

  const field = (index: number, heading: string, ref?: React.Ref<HTMLHeadingElement>) => {
    const question = questions[index]!;
    return (
      <QuestionField
        key={question.id}
        ref={ref}
        question={question}
        heading={heading}
        answer={saver.answers[question.id]}
        onChange={(answer, options) => saver.setAnswer(question.id, answer, options)}
        save={saver.status[question.id]}
        onRetry={() => void saver.retry(question.id)}
        tracking={tracking}
        level={layout === "one" ? 2 : 3}
      />
    );
  };

  return (
    <section aria-label={`Attempt ${attempt.number}`} className="flex flex-col gap-4">
      <div className="flex flex-col gap-3 rounded-xl border border-slate-200 p-4 dark:border-slate-800">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <p className="font-medium" id="quiz-answered">
            Answered {answered} of {count}
          </p>
          {attempt.deadlineAt && tracking && (
            <QuizCountdown deadlineAt={attempt.deadlineAt} offsetMs={offsetMs} onExpire={() => void finish()} />
          )}
        </div>
        <div
          role="progressbar"
          aria-labelledby="quiz-answered"
          aria-valuemin={0}
          aria-valuemax={count}
          aria-valuenow={answered}
          className="h-2 overflow-hidden rounded-full bg-slate-200 dark:bg-slate-800"
        >
          <div
            className="h-full rounded-full bg-indigo-700 dark:bg-indigo-300"
            style={{ width: `${count ? (100 * answered) / count : 0}%` }}
          />
        </div>
        {view.name === "questions" && (
          <fieldset className="flex flex-wrap items-center gap-x-4 gap-y-1 text-sm">
            <legend className="float-left mr-2 font-medium">Show</legend>
            {(
              [
                ["one", "One question at a time"],
                ["all", "All questions on one page"],
              ] as const
            ).map(([value, text]) => (
              <label key={value} className="inline-flex items-center gap-2">
                <input
                  type="radio"
                  name="quiz-layout"
                  value={value}
                  checked={layout === value}
                  onChange={() => changeLayout(value)}
                  className="h-4 w-4 accent-indigo-700 dark:accent-indigo-300"
                />
                {text}
              </label>
            ))}
          </fieldset>
        )}
      </div>

      {view.name === "questions" && layout === "one" && (
        <>
          {field(view.index, `Question ${view.index + 1} of ${count}`, headingRef)}
          <nav aria-label="Questions" className="flex flex-wrap justify-between gap-3">
            {view.index > 0 ? (
              <button type="button" className={buttonStyles.secondary} onClick={() => show({ name: "questions", index: view.index - 1 })}>
                <ChevronLeft aria-hidden="true" className="h-4 w-4" />
                Previous question
              </button>
            ) : (
              <span />
            )}
            {view.index < count - 1 ? (
              <button type="button" className={buttonStyles.primary} onClick={() => show({ name: "questions", index: view.index + 1 })}>
                Next question
                <ChevronRight aria-hidden="true" className="h-4 w-4" />
              </button>
            ) : (
              <button type="button" className={buttonStyles.primary} onClick={() => show({ name: "review" })}>
                Review answers
              </button>
            )}
          </nav>
        </>
      )}

      {view.name === "questions" && layout === "all" && (
        <>
          <h2 ref={headingRef} tabIndex={-1} className="sr-only">
            All {count} questions
          </h2>
          {questions.map((question, index) => (
            <div key={question.id} id={`quiz-question-${question.id}`}>
              {field(index, `Question ${index + 1}`)}
            </div>
          ))}
          <div>
            <button type="button" className={buttonStyles.primary} onClick={() => show({ name: "review" })}>
              Review answers
            </button>
          </div>
        </>
      )}

      {view.name === "review" && (
        <section
          aria-labelledby="quiz-review-title"
          className="flex flex-col gap-4 rounded-xl border border-slate-200 p-4 dark:border-slate-800"
        >
          <h2 id="quiz-review-title" ref={headingRef} tabIndex={-1} className="text-xl font-semibold">
            Review your answers
          </h2>
          <p>
            {unanswered.length === 0
              ? `You have answered all ${count} questions.`
              : `${unanswered.length} of ${count} question${count === 1 ? "" : "s"} not answered: ${unanswered.map((q) => q.number).join(", ")}. An unanswered question scores nothing.`}
          </p>
          <ol className="flex flex-col gap-1">
            {questions.map((question, index) => {
              const done = isAnswered(saver.answers[question.id]);
              return (
                <li key={question.id} className="flex flex-wrap items-center gap-x-3">
                  <span>
                    Question {index + 1}: <strong className="font-semibold">{done ? "answered" : "not answered"}</strong>
                  </span>
                  <button type="button" className={buttonStyles.link} onClick={() => goTo(index)}>
                    Go to question {index + 1}
                  </button>
                </li>
              );
            })}
          </ol>
          <ErrorLine message={error} />
          <div className="flex flex-wrap gap-3">
            <button type="button" className={buttonStyles.secondary} onClick={() => goTo(layout === "one" ? count - 1 : 0)}>
              Back to the questions
            </button>
            {tracking ? (
              <button type="button" className={buttonStyles.primary} onClick={() => void finish()} disabled={submitting}>
                {submitting ? "Submitting…" : "Submit answers"}
              </button>
            ) : (
              <button type="button" className={buttonStyles.primary} onClick={onLeavePreview}>
                End the preview
              </button>
            )}
          </div>
          {!tracking && <p className="text-sm text-slate-700 dark:text-slate-300">Preview: nothing is graded or recorded.</p>}
        </section>
      )}
    </section>
  );
}
