"use client";

import { forwardRef } from "react";
import { CheckCircle2, CircleDashed, CircleMinus, XCircle } from "lucide-react";
import { ContentHtml } from "@/components/content/content-html";
import { buttonStyles } from "@/components/ui/button-styles";
import { usedAllAttempts } from "@/lib/format";
import type { LearnerAnswer, LearnerAttempt, LearnerQuestion, QuestionFeedback, QuizStatus } from "./quiz-api";
import { ErrorLine } from "./error-line";
import { pointsLabel } from "./question-field";

const outcomes = {
  right: { text: "Right", Icon: CheckCircle2, tone: "text-emerald-800 dark:text-emerald-300" },
  partly: { text: "Partly right", Icon: CircleMinus, tone: "text-amber-800 dark:text-amber-300" },
  wrong: { text: "Wrong", Icon: XCircle, tone: "text-red-800 dark:text-red-300" },
  unanswered: { text: "Not answered", Icon: CircleDashed, tone: "text-slate-700 dark:text-slate-300" },
} as const;

function optionTexts(question: LearnerQuestion, ids: string[]): string {
  return question.options
    .filter((o) => ids.includes(o.id))
    .map((o) => o.text)
    .join(", ");
}

function answerText(question: LearnerQuestion, answer: LearnerAnswer | undefined): string {
  if (!answer) return "(none)";
  if ("optionId" in answer) return optionTexts(question, [answer.optionId]);
  if ("optionIds" in answer) return optionTexts(question, answer.optionIds) || "(none)";
  if ("text" in answer) return answer.text;
  return String(answer.value);
}

function solutionText(question: LearnerQuestion, solution: NonNullable<QuestionFeedback["solution"]>): string {
  if ("optionIds" in solution) return optionTexts(question, solution.optionIds);
  if ("acceptedAnswers" in solution) return solution.acceptedAnswers.join(" or ");
  return solution.tolerance > 0 ? `${solution.answer} (± ${solution.tolerance})` : String(solution.answer);
}

type Props = {
  attempt: LearnerAttempt;
  quiz: QuizStatus;
  busy: boolean;
  error: string | null;
  onRetry: () => void;
  onBack: () => void;
};

/**
 * A graded attempt: the score, passed or not, and per question how it went; the right answer and the explanation only
 * when the quiz shows them (the server leaves them out otherwise). Try again while attempts remain; once all are used,
 * the words of the server's refusal.
 */
export const QuizResult = forwardRef<HTMLHeadingElement, Props>(function QuizResult(
  { attempt, quiz, busy, error, onRetry, onBack },
  headingRef,
) {
  const result = attempt.result;
  const feedback = new Map(result?.feedback.map((f) => [f.questionId, f]));
  const canRetry = quiz.attemptsLeft !== 0 && !quiz.openAttemptId;
  return (
    <section aria-labelledby="quiz-result-title" className="flex flex-col gap-4">
      <div className="flex flex-col gap-2 rounded-xl border border-slate-200 p-4 dark:border-slate-800">
        <h2 id="quiz-result-title" ref={headingRef} tabIndex={-1} className="text-xl font-semibold">
          Attempt {attempt.number}: {attempt.score ?? 0} %
        </h2>
        <p
          className={`text-lg font-semibold ${attempt.passed ? "text-emerald-800 dark:text-emerald-300" : "text-red-800 dark:text-red-300"}`}
        >
          <span>{attempt.passed ? "Passed" : "Not passed"}</span>
          <span className="font-normal text-slate-800 dark:text-slate-200">
            {" "}
            · {attempt.pointsEarned ?? 0} of {pointsLabel(attempt.pointsPossible ?? 0)}, pass mark{" "}
            {result?.passingScore ?? quiz.passingScore} %
          </span>
        </p>
        {attempt.timedOut && <p>The time ran out: the answers saved before it were graded.</p>}
        {attempt.passed && <p>This lesson is complete.</p>}
        {result && !result.answersShown && (
          <p className="text-sm text-slate-700 dark:text-slate-300">
            {quiz.showAnswers === "after_pass"
              ? "The right answers are shown once you pass this quiz."
              : "This quiz does not show the right answers."}
          </p>
        )}
      </div>

      <ol className="flex flex-col gap-3" aria-label="Feedback per question">
        {attempt.questions.map((question) => {
          const f = feedback.get(question.id);
          const outcome = outcomes[f?.outcome ?? "unanswered"];
          return (
            <li key={question.id} className="flex flex-col gap-2 rounded-xl border border-slate-200 p-4 dark:border-slate-800">
              <h3 className="text-base font-semibold">
                Question {question.number}
                <span className={`ml-3 inline-flex items-center gap-1 ${outcome.tone}`}>
                  <outcome.Icon aria-hidden="true" className="h-4 w-4" />
                  {outcome.text}
                </span>
                <span className="ml-3 text-sm font-normal text-slate-700 dark:text-slate-300">
                  {f?.pointsAwarded ?? 0} of {pointsLabel(question.points)}
                </span>
              </h3>
              <ContentHtml html={question.promptHtml} />
              <p>
                <span className="font-medium">Your answer:</span> {answerText(question, attempt.answers[question.id])}
              </p>
              {f?.solution && (
                <p>
                  <span className="font-medium">Right answer:</span> {solutionText(question, f.solution)}
                </p>
              )}
              {f?.explanationHtml && (
                <div className="rounded-lg bg-slate-50 p-3 dark:bg-slate-800">
                  <p className="font-medium">Explanation</p>
                  <ContentHtml html={f.explanationHtml} />
                </div>
              )}
            </li>
          );
        })}
      </ol>

      <ErrorLine message={error} />
      {!canRetry && quiz.attemptsLeft === 0 && <p className="font-medium">{usedAllAttempts(quiz.attemptsAllowed ?? 0)}</p>}
      <div className="flex flex-wrap gap-3">
        {canRetry && (
          <button type="button" className={buttonStyles.primary} onClick={onRetry} disabled={busy}>
            Try again
          </button>
        )}
        <button type="button" className={buttonStyles.secondary} onClick={onBack}>
          Back to the quiz
        </button>
      </div>
    </section>
  );
});
