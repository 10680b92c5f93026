import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { emptyChartClass } from "@/components/analytics/chart-figure";
import { CsvLink } from "@/components/analytics/csv-link";
import { percent } from "@/components/analytics/labels";
import { StatCards } from "@/components/analytics/stat-cards";
import { grantAttemptApi, quizResultsApi } from "@/components/quiz-results/quiz-results-href";
import { AttemptsTable, needsReview, QuestionAnalysisTable, ResultsLearnersTable } from "@/components/quiz-results/results-tables";
import { ScoreDistribution } from "@/components/quiz-results/score-distribution";
import { buttonStyles } from "@/components/ui/button-styles";
import { plural } from "@/lib/format";
import { getQuizResults } from "@/lib/quizzes/results";
import { quizResultsParams } from "@/lib/validation/quiz";
import { orNotFound, requirePageRole } from "@/app/_http/page-viewer";

export const metadata: Metadata = { title: "Quiz results" };

type Props = { params: Promise<{ courseId: string; lessonId: string }> };

const score = (value: number | null) => (value === null ? "—" : percent(value));

export default async function QuizResultsPage({ params }: Props) {
  const parsed = quizResultsParams.safeParse(await params);
  if (!parsed.success) notFound();
  const { courseId, lessonId } = parsed.data;
  const viewer = await requirePageRole(`/instructor/courses/${courseId}/quizzes/${lessonId}`, "INSTRUCTOR", "ADMIN");
  const results = await orNotFound(getQuizResults(viewer, courseId, lessonId));
  const { quiz, summary } = results;
  const section = "flex flex-col gap-4";
  const flagged = results.questions.filter(needsReview).length;
  return (
    <div className="flex flex-col gap-8">
      <div className="flex flex-col gap-3">
        <p>
          <Link href={`/instructor/courses/${courseId}/analytics`} className={buttonStyles.link}>
            Back to the course analytics
          </Link>
        </p>
        <h1 className="text-3xl font-bold tracking-tight">Results: {quiz.title}</h1>
        <p className="text-slate-700 dark:text-slate-300">
          {results.course.title}. {plural(quiz.questions, "question")}, {plural(quiz.pointsPossible, "point")}; passing score{" "}
          {quiz.passingScore} %; {quiz.maxAttempts === null ? "no limit on attempts" : `${plural(quiz.maxAttempts, "attempt")} each`}.
        </p>
        <p className="rounded-lg bg-slate-50 p-3 text-sm text-slate-800 dark:bg-slate-900 dark:text-slate-200">
          The figures count each learner’s best graded attempt (the highest score; the earlier one on a tie), so a learner who tries again
          weighs as much as one who passed at once. The attempts table lists every graded attempt.
        </p>
        {summary.attempts > 0 && (
          <p>
            <CsvLink href={`${quizResultsApi(courseId, lessonId)}?format=csv`}>Download every attempt (CSV)</CsvLink>
          </p>
        )}
      </div>

      <section aria-labelledby="summary-title" className={section}>
        <h2 id="summary-title" className="text-xl font-semibold">
          Summary
        </h2>
        <StatCards
          stats={[
            { label: "Learners", value: summary.learners, note: "with a graded attempt" },
            { label: "Graded attempts", value: summary.attempts, note: "retries included" },
            { label: "Average score", value: score(summary.averageScore), note: "best attempts" },
            { label: "Median score", value: score(summary.medianScore), note: "best attempts" },
            { label: "Pass rate", value: score(summary.passRate), note: `${summary.passed} passed` },
          ]}
        />
      </section>

      <section aria-labelledby="distribution-title" className={section}>
        <h2 id="distribution-title" className="text-xl font-semibold">
          Scores
        </h2>
        <ScoreDistribution bands={results.distribution} learners={summary.learners} />
      </section>

      <section aria-labelledby="questions-title" className={section}>
        <h2 id="questions-title" className="text-xl font-semibold">
          Questions
        </h2>
        {quiz.questions === 0 ? (
          <p className={emptyChartClass}>This quiz has no questions yet.</p>
        ) : (
          <>
            <p className="text-slate-700 dark:text-slate-300">
              {summary.learners === 0
                ? "Once learners submit, each question shows how many answered it right and the wrong answer given most."
                : flagged > 0
                  ? `${plural(flagged, "question")} drew a wrong answer at least as often as the right one: check ${flagged === 1 ? "its" : "their"} wording and answer key.`
                  : "No wrong answer drew as many learners as the right one."}
            </p>
            <QuestionAnalysisTable questions={results.questions} />
          </>
        )}
      </section>

      <section aria-labelledby="learners-title" className={section}>
        <h2 id="learners-title" className="text-xl font-semibold">
          Learners
        </h2>
        {results.learners.length === 0 ? (
          <p className={emptyChartClass}>No learner has started this quiz yet.</p>
        ) : (
          <>
            <p className="text-slate-700 dark:text-slate-300">
              {results.learnersTotal > results.learners.length
                ? `The ${results.learners.length} learners active last, of ${results.learnersTotal} who started the quiz.`
                : `${plural(results.learnersTotal, "learner")} started the quiz.`}{" "}
              {quiz.maxAttempts === null
                ? "The quiz has no limit on attempts, so nobody needs another; a grant still counts if you set a limit later."
                : "A learner who used every attempt can take the quiz again once you grant one more."}
            </p>
            <ResultsLearnersTable learners={results.learners} grantUrl={grantAttemptApi(courseId, lessonId)} />
          </>
        )}
      </section>

      <section aria-labelledby="attempts-title" className={section}>
        <h2 id="attempts-title" className="text-xl font-semibold">
          Graded attempts
        </h2>
        {results.attempts.length === 0 ? (
          <p className={emptyChartClass}>No learner has submitted this quiz yet.</p>
        ) : (
          <>
            {summary.attempts > results.attempts.length && (
              <p className="text-slate-700 dark:text-slate-300">
                The latest {results.attempts.length} of {summary.attempts}; the CSV has them all.
              </p>
            )}
            <AttemptsTable attempts={results.attempts} />
          </>
        )}
      </section>
    </div>
  );
}
