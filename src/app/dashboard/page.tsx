import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { buttonStyles } from "@/components/ui/button-styles";
import { ProgressBar } from "@/components/learning/progress-bar";
import { requirePageUser } from "@/lib/auth/session";
import { listMyEnrollments } from "@/lib/learning/list-my-enrollments";

export const metadata: Metadata = { title: "Dashboard" };

const searchSchema = z.object({ denied: z.string().max(200).optional().catch(undefined) });

export default async function DashboardPage({ searchParams }: { searchParams: Promise<Record<string, string | string[]>> }) {
  const viewer = await requirePageUser("/dashboard");
  const { denied } = searchSchema.parse(await searchParams);
  const inProgress = (await listMyEnrollments()).filter((e) => e.completedAt === null).slice(0, 4);
  return (
    <div className="flex flex-col gap-8">
      <h1 className="text-3xl font-bold tracking-tight">Welcome, {viewer.name ?? viewer.email}</h1>
      {denied && (
        <p role="alert" className="rounded-lg border border-amber-300 bg-amber-50 p-3 text-amber-900 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100">
          Your account does not have access to {denied.startsWith("/admin") ? "the admin area" : "the instructor area"}.
        </p>
      )}
      {(viewer.role === "INSTRUCTOR" || viewer.role === "ADMIN") && (
        <section aria-labelledby="areas-title" className="flex flex-col gap-3">
          <h2 id="areas-title" className="text-xl font-semibold">
            Your areas
          </h2>
          <p className="flex flex-wrap gap-3">
            <Link href="/instructor" className={buttonStyles.secondary}>
              Instructor area
            </Link>
            {viewer.role === "ADMIN" && (
              <Link href="/admin" className={buttonStyles.secondary}>
                Admin area
              </Link>
            )}
          </p>
        </section>
      )}
      <section aria-labelledby="progress-title" className="flex flex-col gap-3">
        <h2 id="progress-title" className="text-xl font-semibold">
          Continue learning
        </h2>
        {inProgress.length === 0 ? (
          <p className="text-slate-700 dark:text-slate-300">
            You have no courses in progress.{" "}
            <Link href="/courses" className={buttonStyles.link}>
              Browse the catalog
            </Link>
          </p>
        ) : (
          <ul className="grid gap-3 sm:grid-cols-2">
            {inProgress.map((e) => (
              <li key={e.courseId} className="flex flex-col gap-2 rounded-xl border border-slate-200 p-4 dark:border-slate-800">
                <Link href={`/courses/${e.courseId}`} className="font-semibold hover:underline">
                  {e.title}
                </Link>
                <ProgressBar value={e.progress} label={`Progress in ${e.title}`} />
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
