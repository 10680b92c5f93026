import type { Metadata } from "next";
import Link from "next/link";
import { LocalTime } from "@/components/ui/local-time";
import { buttonStyles } from "@/components/ui/button-styles";
import { listUnansweredQuestions } from "@/lib/discussions/unanswered";
import { unansweredQuerySchema } from "@/lib/validation/discussions";
import { requirePageRole } from "@/app/_http/page-viewer";

export const metadata: Metadata = { title: "Unanswered questions" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The questions without a marked answer across the instructor's courses, the longest waiting first. */
export default async function UnansweredQuestionsPage({ searchParams }: Props) {
  const viewer = await requirePageRole("/instructor/questions", "INSTRUCTOR", "ADMIN");
  const parsed = unansweredQuerySchema.safeParse({ cursor: (await searchParams).cursor });
  const { questions, nextCursor } = await listUnansweredQuestions(viewer, parsed.success ? parsed.data : {});
  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-col gap-2">
        <h1 className="text-3xl font-bold tracking-tight">Unanswered questions</h1>
        <p className="text-slate-700 dark:text-slate-300">
          Questions in your courses with no answer marked yet, oldest first. Answer one and it leaves this list once the asker (or you)
          marks the answer.
        </p>
      </div>
      {questions.length === 0 ? (
        <p className="text-slate-700 dark:text-slate-300">Nothing waits for an answer.</p>
      ) : (
        <ol className="flex flex-col divide-y divide-slate-200 rounded-lg border border-slate-200 dark:divide-slate-700 dark:border-slate-700">
          {questions.map((q) => (
            <li key={q.id} className="flex flex-col gap-1 p-3">
              <Link
                href={`/my-courses/${q.courseId}/discussions?thread=${q.id}`}
                className="font-semibold text-indigo-700 underline-offset-2 hover:underline dark:text-indigo-300"
              >
                {q.title}
              </Link>
              <p className="flex flex-wrap gap-x-3 text-sm text-slate-600 dark:text-slate-300">
                <span>{q.courseTitle}</span>
                {q.lessonTitle && <span>On: {q.lessonTitle}</span>}
                <span>{q.authorName ?? "A deleted user"}</span>
                <span>{q.replyCount === 1 ? "1 reply" : `${q.replyCount} replies`}</span>
                <LocalTime iso={q.createdAt.toISOString()} />
              </p>
            </li>
          ))}
        </ol>
      )}
      {nextCursor && (
        <Link href={`/instructor/questions?cursor=${encodeURIComponent(nextCursor)}`} className={`${buttonStyles.secondary} self-start`}>
          Older questions
        </Link>
      )}
    </div>
  );
}
