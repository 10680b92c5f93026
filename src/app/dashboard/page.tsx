import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { TeachingDecisionNotice } from "@/components/auth/teaching-decision-notice";
import { CourseGrid } from "@/components/course/course-card";
import { ContinueCard } from "@/components/learning/continue-card";
import { EnrolledCourseList } from "@/components/learning/enrolled-course-card";
import { buttonStyles } from "@/components/ui/button-styles";
import { listPopularInMyCategories } from "@/lib/learning/dashboard";
import { listMyEnrollments, whereToContinue } from "@/lib/learning/list-my-enrollments";
import { listMyInstructorRequests, unseenTeachingDecision } from "@/lib/users/instructor-requests";
import { requirePageUser } from "@/app/_http/page-viewer";

export const metadata: Metadata = { title: "Dashboard" };

const searchSchema = z.object({ denied: z.string().max(200).optional().catch(undefined) });

export default async function DashboardPage({ searchParams }: { searchParams: Promise<Record<string, string | string[]>> }) {
  const viewer = await requirePageUser("/dashboard");
  const { denied } = searchSchema.parse(await searchParams);
  const [enrollments, popular, decision, requests] = await Promise.all([
    listMyEnrollments(viewer),
    listPopularInMyCategories(viewer),
    unseenTeachingDecision(viewer),
    listMyInstructorRequests(viewer),
  ]);
  const waitingToTeach = viewer.role === "LEARNER" && requests.some((r) => r.status === "pending");
  const resume = whereToContinue(enrollments);
  const unfinished = enrollments.filter((e) => e.progress < 100);
  const inProgress = unfinished.filter((e) => e !== resume).slice(0, 6);
  const completed = enrollments.length - unfinished.length;
  return (
    <div className="flex flex-col gap-10">
      <h1 className="text-3xl font-bold tracking-tight">Welcome, {viewer.name ?? viewer.email}</h1>
      {denied && (
        <p
          role="alert"
          className="rounded-lg border border-amber-300 bg-amber-50 p-3 text-amber-900 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100"
        >
          Your account does not have access to {denied.startsWith("/admin") ? "the admin area" : "the instructor area"}.
        </p>
      )}
      {decision && <TeachingDecisionNotice requestId={decision.id} approved={decision.status === "approved"} />}
      {waitingToTeach && (
        <p role="status" className="rounded-lg border border-slate-300 bg-slate-50 p-3 dark:border-slate-700 dark:bg-slate-900">
          Your request to teach is waiting for an admin. Meanwhile you can learn; you will see the answer here.
        </p>
      )}
      {resume && (
        <section aria-labelledby="resume-title" className="flex flex-col gap-3">
          <h2 id="resume-title" className="text-xl font-semibold">
            Continue where you stopped
          </h2>
          <ContinueCard course={resume} />
        </section>
      )}
      <section aria-labelledby="progress-title" className="flex flex-col gap-3">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h2 id="progress-title" className="text-xl font-semibold">
            {resume ? "Your other courses in progress" : "Your courses in progress"}
          </h2>
          {enrollments.length > 0 && (
            <Link href="/my-courses" className={buttonStyles.link}>
              All my courses{completed > 0 ? ` (${completed} completed)` : ""}
            </Link>
          )}
        </div>
        {inProgress.length === 0 ? (
          <p className="text-slate-700 dark:text-slate-300">
            {enrollments.length === 0
              ? "You have no courses yet. "
              : unfinished.length === 0
                ? "You have finished every course you took. "
                : "No other course is in progress. "}
            <Link href="/courses" className={buttonStyles.link}>
              Browse the catalog
            </Link>
          </p>
        ) : (
          <EnrolledCourseList courses={inProgress} label="Courses in progress" headingLevel={3} />
        )}
      </section>
      {(viewer.role === "INSTRUCTOR" || viewer.role === "ADMIN") && (
        <section aria-labelledby="areas-title" className="flex flex-col gap-3">
          <h2 id="areas-title" className="text-xl font-semibold">
            Your areas
          </h2>
          <p className="flex flex-wrap gap-3">
            <Link href="/instructor" className={buttonStyles.secondary}>
              Instructor area
            </Link>
            <Link href="/instructor/courses/new" className={buttonStyles.secondary}>
              New course
            </Link>
            {viewer.role === "ADMIN" && (
              <Link href="/admin" className={buttonStyles.secondary}>
                Admin area
              </Link>
            )}
          </p>
        </section>
      )}
      {popular.length > 0 && (
        <section aria-labelledby="popular-title" className="flex flex-col gap-3">
          <h2 id="popular-title" className="text-xl font-semibold">
            Popular in your categories
          </h2>
          <CourseGrid courses={popular} label="Popular courses in your categories" />
        </section>
      )}
    </div>
  );
}
