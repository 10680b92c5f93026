import type { Metadata } from "next";
import Link from "next/link";
import { ProgressBar } from "@/components/learning/progress-bar";
import { buttonStyles } from "@/components/ui/button-styles";
import { requirePageUser } from "@/lib/auth/session";
import { plural } from "@/lib/format";
import { listMyEnrollments } from "@/lib/learning/list-my-enrollments";

export const metadata: Metadata = { title: "My courses" };

export default async function MyCoursesPage() {
  await requirePageUser("/my-courses");
  const enrollments = await listMyEnrollments();
  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-3xl font-bold tracking-tight">My courses</h1>
      {enrollments.length === 0 ? (
        <p className="text-slate-700 dark:text-slate-300">
          You are not enrolled in any course yet.{" "}
          <Link href="/courses" className={buttonStyles.link}>
            Find one in the catalog
          </Link>
        </p>
      ) : (
        <ul aria-label="Enrolled courses" className="grid gap-4 sm:grid-cols-2">
          {enrollments.map((e) => (
            <li key={e.courseId} className="flex flex-col gap-3 rounded-xl border border-slate-200 p-4 dark:border-slate-800">
              <h2 className="text-lg font-semibold">
                <Link href={`/courses/${e.courseId}`} className="hover:underline">
                  {e.title}
                </Link>
              </h2>
              <p className="text-sm text-slate-600 dark:text-slate-300">
                {e.instructorName ? `by ${e.instructorName} · ` : ""}
                {plural(e.totalLessons, "lesson")}
              </p>
              <ProgressBar value={e.progress} label={`Progress in ${e.title}`} />
              {e.completedAt && <p className="text-sm font-medium text-emerald-800 dark:text-emerald-300">Completed</p>}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
