import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { DiscussionPanel } from "@/components/discussions/discussion-panel";
import { DismissReport } from "@/components/discussions/dismiss-report";
import { LocalTime } from "@/components/ui/local-time";
import { getDiscussionBoard } from "@/lib/discussions/discussion-access";
import { listReports } from "@/lib/discussions/moderation";
import { courseParams, id } from "@/lib/validation/ids";
import { orNotFound, requirePageUser } from "@/app/_http/page-viewer";

export const metadata: Metadata = { title: "Questions and discussions" };

type Props = { params: Promise<{ courseId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/**
 * A course's board: every question of the course (its lessons' and the general board's), for its members; moderators
 * also see the open reports, each with a link to the post it is about.
 */
export default async function CourseDiscussionsPage({ params, searchParams }: Props) {
  const parsed = courseParams.safeParse(await params);
  if (!parsed.success) notFound();
  const { courseId } = parsed.data;
  const viewer = await requirePageUser(`/my-courses/${courseId}/discussions`);
  const board = await orNotFound(getDiscussionBoard(viewer, courseId));
  const thread = id.safeParse((await searchParams).thread);
  const reports = board.moderator ? (await listReports(viewer, courseId, {})).reports : [];
  return (
    <div className="flex flex-col gap-6">
      <header className="flex flex-col gap-2">
        <p className="text-sm">
          <Link href={`/my-courses/${courseId}`} className="font-medium text-indigo-700 hover:underline dark:text-indigo-300">
            {board.courseTitle}
          </Link>
        </p>
        <h1 className="text-3xl font-bold tracking-tight">Questions and discussions</h1>
        <p className="text-slate-700 dark:text-slate-300">
          Ask where you are stuck: the instructor answers once for everyone. Questions asked here go to the course&apos;s general board; ask
          about a lesson from the lesson itself.
        </p>
      </header>
      {board.moderator && (
        <section aria-labelledby="reports-title" className="flex flex-col gap-2">
          <h2 id="reports-title" className="text-xl font-semibold">
            Reported posts
          </h2>
          {reports.length === 0 ? (
            <p className="text-slate-700 dark:text-slate-300">No open reports.</p>
          ) : (
            <ul className="flex flex-col gap-2">
              {reports.map((r) => (
                <li key={r.id} className="rounded-lg border border-amber-400 p-3 dark:border-amber-600">
                  <p>
                    <span className="font-medium">{r.reporterName ?? "A member"}</span> reported {r.replyId ? "a reply to" : "the question"}{" "}
                    <Link
                      href={`/my-courses/${courseId}/discussions?thread=${r.threadId}`}
                      className="font-medium text-indigo-700 underline dark:text-indigo-300"
                    >
                      {r.threadTitle}
                    </Link>
                    , <LocalTime iso={r.createdAt.toISOString()} />.
                  </p>
                  <p className="text-sm text-slate-700 dark:text-slate-300">Reason: {r.reason}</p>
                  <DismissReport courseId={courseId} reportId={r.id} />
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
      <section aria-labelledby="questions-title" className="flex flex-col gap-3">
        <h2 id="questions-title" className="text-xl font-semibold">
          Questions
        </h2>
        {/* Keyed by the thread, so that a link to another thread of this page (a report's) opens it. */}
        <DiscussionPanel
          key={thread.success ? thread.data : "list"}
          courseId={courseId}
          lessonId={null}
          initialThreadId={thread.success ? thread.data : null}
        />
      </section>
    </div>
  );
}
