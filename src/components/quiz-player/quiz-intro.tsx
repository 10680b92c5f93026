"use client";

import { forwardRef } from "react";
import { CheckCircle2, ListChecks } from "lucide-react";
import { buttonStyles } from "@/components/ui/button-styles";
import { usedAllAttempts } from "@/lib/format";
import type { AttemptSummary, QuizStatus } from "./quiz-api";
import { ErrorLine } from "./error-line";
import { pointsLabel } from "./question-field";

const dateTime = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

function allowanceText(quiz: QuizStatus): string {
  if (quiz.attemptsAllowed === null) return `${quiz.attemptsUsed} used, no limit`;
  return `${quiz.attemptsUsed} of ${quiz.attemptsAllowed} used, ${quiz.attemptsLeft} left`;
}

function resultText(attempt: AttemptSummary): string {
  if (attempt.status === "open") return "In progress";
  const passed = attempt.passed ? "Passed" : "Not passed";
  return `${attempt.score ?? 0} % · ${passed}${attempt.timedOut ? " (time ran out)" : ""}`;
}

type Props = {
  quiz: QuizStatus;
  attempts: AttemptSummary[];
  /** The learner's player; false in the editors' preview. */
  tracking: boolean;
  busy: boolean;
  error: string | null;
  onStart: () => void;
  onOpen: (attemptId: string) => void;
};

/**
 * A quiz before it is taken: what it asks (questions, pass mark, time limit, attempts allowed and left), whether it is
 * passed, the learner's attempts so far with their scores, and Start, Resume or Try again; once every attempt is used,
 * the same words as the server's refusal instead.
 */
export const QuizIntro = forwardRef<HTMLHeadingElement, Props>(function QuizIntro(
  { quiz, attempts, tracking, busy, error, onStart, onOpen },
  headingRef,
) {
  const open = attempts.find((a) => a.status === "open");
  const usedUp = !open && quiz.attemptsLeft === 0;
  const label = open ? `Resume attempt ${open.number}` : attempts.length ? "Try again" : "Start the quiz";
  return (
    <section
      aria-labelledby="quiz-intro-title"
      className="flex flex-col gap-4 rounded-xl border border-slate-200 p-4 dark:border-slate-800"
    >
      <h2 id="quiz-intro-title" ref={headingRef} tabIndex={-1} className="flex items-center gap-2 text-xl font-semibold">
        <ListChecks aria-hidden="true" className="h-5 w-5" />
        Quiz
      </h2>
      <dl className="grid gap-x-6 gap-y-1 sm:grid-cols-[auto_1fr]">
        <dt className="font-medium">Questions</dt>
        <dd>
          {quiz.questionCount} ({pointsLabel(quiz.totalPoints)})
        </dd>
        <dt className="font-medium">Pass mark</dt>
        <dd>{quiz.passingScore} %</dd>
        <dt className="font-medium">Time limit</dt>
        <dd>{quiz.timeLimitMinutes === null ? "None" : `${quiz.timeLimitMinutes} minute${quiz.timeLimitMinutes === 1 ? "" : "s"}`}</dd>
        <dt className="font-medium">Attempts</dt>
        <dd>{allowanceText(quiz)}</dd>
        {quiz.bestScore !== null && (
          <>
            <dt className="font-medium">Best score</dt>
            <dd>{quiz.bestScore} %</dd>
          </>
        )}
      </dl>

      {quiz.passed && (
        <p className="inline-flex items-center gap-2 font-semibold text-emerald-800 dark:text-emerald-300">
          <CheckCircle2 aria-hidden="true" className="h-5 w-5" />
          Passed: this lesson is complete.
        </p>
      )}

      {attempts.length > 0 && (
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm">
            <caption className="pb-2 text-left font-semibold">Your attempts</caption>
            <thead>
              <tr className="border-b border-slate-200 dark:border-slate-700">
                <th scope="col" className="py-1 pr-3">
                  Attempt
                </th>
                <th scope="col" className="py-1 pr-3">
                  Started
                </th>
                <th scope="col" className="py-1 pr-3">
                  Result
                </th>
                <th scope="col" className="py-1">
                  <span className="sr-only">Feedback</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {attempts.map((attempt) => (
                <tr key={attempt.id} className="border-b border-slate-100 dark:border-slate-800">
                  <td className="py-1 pr-3 tabular-nums">{attempt.number}</td>
                  <td className="py-1 pr-3">{dateTime.format(new Date(attempt.startedAt))} UTC</td>
                  <td className="py-1 pr-3">{resultText(attempt)}</td>
                  <td className="py-1">
                    {attempt.status === "submitted" && (
                      <button type="button" className={buttonStyles.link} onClick={() => onOpen(attempt.id)} disabled={busy}>
                        Feedback<span className="sr-only"> on attempt {attempt.number}</span>
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <ErrorLine message={error} />
      {usedUp ? (
        <p className="font-medium">{usedAllAttempts(quiz.attemptsAllowed ?? 0)}</p>
      ) : quiz.questionCount === 0 ? (
        <p>This quiz has no questions yet.</p>
      ) : (
        <div className="flex flex-wrap items-center gap-3">
          <button type="button" className={buttonStyles.primary} onClick={onStart} disabled={busy}>
            {label}
          </button>
          {!tracking && <p className="text-sm text-slate-700 dark:text-slate-300">Preview: your answers stay on this page.</p>}
        </div>
      )}
    </section>
  );
});
