import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { GradeForm } from "@/components/assignments/grade-form";
import { queueQuery } from "@/components/assignments/queue-href";
import { QueueKeys } from "@/components/assignments/queue-keys";
import { SubmissionVersions } from "@/components/assignments/submission-versions";
import { SubmissionStatusBadge } from "@/components/assignments/submission-status";
import { LocalTime } from "@/components/ui/local-time";
import { badgeStyles } from "@/components/ui/table-styles";
import { buttonStyles } from "@/components/ui/button-styles";
import { getSubmissionForGrading, listSubmissionQueue } from "@/lib/assignments/grading";
import { submissionParams, submissionQueueQuerySchema } from "@/lib/validation/assignment";
import { orNotFound, requirePageRole } from "@/app/_http/page-viewer";

export const metadata: Metadata = { title: "Grade a submission" };

type Props = {
  params: Promise<{ courseId: string; submissionId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export default async function GradeSubmissionPage({ params, searchParams }: Props) {
  const parsed = submissionParams.safeParse(await params);
  if (!parsed.success) notFound();
  const { courseId, submissionId } = parsed.data;
  const viewer = await requirePageRole(`/instructor/courses/${courseId}/submissions/${submissionId}`, "INSTRUCTOR", "ADMIN");
  const raw = await searchParams;
  const query = submissionQueueQuerySchema.safeParse({ courseId: raw.courseId, lessonId: raw.lessonId, status: raw.status });
  const filters = query.success ? query.data : {};
  const [view, queue] = await Promise.all([
    orNotFound(getSubmissionForGrading(viewer, courseId, submissionId)),
    listSubmissionQueue(viewer, filters),
  ]);
  const keep = queueQuery(filters);
  const at = queue.findIndex((r) => r.id === submissionId);
  const hrefOf = (row: (typeof queue)[number] | undefined) =>
    row ? `/instructor/courses/${row.courseId}/submissions/${row.id}${keep}` : null;
  const previous = at > 0 ? hrefOf(queue[at - 1]) : null;
  const next = at >= 0 ? hrefOf(queue[at + 1]) : null;
  const { submission, assignment, learner } = view;
  const latest = submission.versions[0]!;
  return (
    <div className="flex flex-col gap-6">
      <nav aria-label="Submissions" className="flex flex-wrap items-center gap-3">
        <Link href={`/instructor/submissions${keep}`} className={buttonStyles.link}>
          Back to the submissions
        </Link>
        <span className="flex-1" />
        <QueueKeys previous={previous} next={next} />
      </nav>
      <div className="flex flex-col gap-2">
        <h1 className="text-3xl font-bold tracking-tight">
          {view.lessonTitle}: {learner.name ?? learner.email}
        </h1>
        <p className="flex flex-wrap items-center gap-2 text-slate-700 dark:text-slate-300">
          <SubmissionStatusBadge status={submission.status} />
          {submission.late && <span className={badgeStyles.red}>late</span>}
          <span>
            Version {latest.number}, handed in <LocalTime iso={latest.submittedAt} />.
          </span>
          {assignment.dueAt && (
            <span>
              Due <LocalTime iso={assignment.dueAt} />.
            </span>
          )}
          <span>
            {assignment.maxPoints} points; {assignment.passingPoints} to pass.
          </span>
        </p>
      </div>
      <section aria-labelledby="grade-title" className="flex flex-col gap-3 rounded-xl border border-slate-200 p-4 dark:border-slate-800">
        <h2 id="grade-title" className="text-xl font-semibold">
          Grade
        </h2>
        <GradeForm
          url={`/api/instructor/courses/${courseId}/submissions/${submissionId}/grade`}
          maxPoints={assignment.maxPoints}
          passingPoints={assignment.passingPoints}
          status={submission.status}
          initial={{ points: latest.points, feedback: latest.feedback ?? "" }}
        />
      </section>
      <SubmissionVersions versions={submission.versions} headingLevel={2} />
    </div>
  );
}
