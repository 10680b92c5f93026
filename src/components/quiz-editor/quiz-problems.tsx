import { CircleAlert } from "lucide-react";
import Link from "next/link";
import type { QuizProblem } from "@/lib/quizzes/quiz-readiness";

/**
 * What keeps the course's quizzes from being published (src/lib/quizzes/quiz-readiness.ts), each a link to the quiz
 * to fix: the same list the publish refusal gives, shown before the instructor tries. On a published course it says
 * what learners meet now (a quiz added after publishing).
 */
export function QuizProblems({
  courseId,
  problems,
  published,
  headingLevel = 3,
}: {
  courseId: string;
  problems: QuizProblem[];
  published: boolean;
  headingLevel?: 2 | 3;
}) {
  if (problems.length === 0) return null;
  const Heading = `h${headingLevel}` as const;
  return (
    <div
      role="region"
      aria-labelledby="quiz-problems-title"
      className="flex flex-col gap-2 rounded-lg border border-amber-700 bg-amber-50 p-3 text-amber-950 dark:border-amber-400 dark:bg-amber-950 dark:text-amber-100"
    >
      <Heading id="quiz-problems-title" className="flex items-center gap-2 font-semibold">
        <CircleAlert aria-hidden="true" className="h-4 w-4 shrink-0" />
        {published ? "Quizzes learners cannot pass yet" : "Quizzes to finish before publishing"}
      </Heading>
      <ul className="flex list-disc flex-col gap-1 pl-6">
        {problems.map((problem) => (
          <li key={`${problem.lessonId}:${problem.questionId ?? "quiz"}`}>
            <Link
              href={`/instructor/courses/${courseId}/modules/${problem.moduleId}/lessons/${problem.lessonId}${problem.questionId ? `#question-${problem.questionId}` : ""}`}
              className="break-words font-medium underline underline-offset-2"
            >
              {problem.message}
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
