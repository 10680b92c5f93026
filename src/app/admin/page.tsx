import type { Metadata } from "next";
import Link from "next/link";
import { RangeBar } from "@/components/analytics/analytics-header";
import { CohortFilter } from "@/components/analytics/cohort-filter";
import { overviewHref } from "@/components/analytics/course-analytics-href";
import { CsvLink } from "@/components/analytics/csv-link";
import { OverTimeSection } from "@/components/analytics/over-time-section";
import { parseSearch } from "@/lib/validation/parse-search";
import { rangePhrase } from "@/components/analytics/range-picker";
import { StatCards } from "@/components/analytics/stat-cards";
import { TimeSeriesChart } from "@/components/analytics/time-series-chart";
import { TopCoursesTable } from "@/components/analytics/top-courses-table";
import { buttonStyles } from "@/components/ui/button-styles";
import { countUsersByRole } from "@/lib/admin/count-users-by-role";
import { adminCohortChoices, getAdminAnalytics } from "@/lib/analytics/get-admin-analytics";
import { countPendingInstructorRequests } from "@/lib/users/instructor-requests";
import { formatBytes, plural } from "@/lib/format";
import { analyticsQuerySchema } from "@/lib/validation/analytics";
import { orNotFound, requirePageRole } from "@/app/_http/page-viewer";

export const metadata: Metadata = { title: "Admin" };

function Subsection({ id, title, children }: { id: string; title: string; children: React.ReactNode }) {
  return (
    <section aria-labelledby={id} className="flex flex-col gap-3">
      <h3 id={id} className="text-lg font-semibold">
        {title}
      </h3>
      {children}
    </section>
  );
}

export default async function AdminPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const viewer = await requirePageRole("/admin", "ADMIN");
  // A malformed value is dropped, as for every query value; an unknown cohort id is not found.
  const query = parseSearch(analyticsQuerySchema, await searchParams, ["range", "bucket", "cohortId"]);
  const [counts, analytics, waiting, cohorts] = await orNotFound(
    Promise.all([
      countUsersByRole(viewer),
      getAdminAnalytics(viewer, query),
      countPendingInstructorRequests(viewer),
      adminCohortChoices(viewer),
    ]),
  );
  const { range, storage, cohort } = analytics;
  const csvParams = new URLSearchParams({ range: range.range, ...(cohort ? { cohortId: cohort.id } : {}), format: "csv" });
  const period = rangePhrase(range.range);
  const figures = [
    { label: "Learners", value: counts.byRole.LEARNER },
    { label: "Instructors", value: counts.byRole.INSTRUCTOR },
    { label: "Admins", value: counts.byRole.ADMIN },
    { label: "Disabled accounts", value: counts.disabled },
  ];
  return (
    <div className="flex flex-col gap-8">
      <h1 className="text-3xl font-bold tracking-tight">Admin</h1>
      <section aria-labelledby="users-title" className="flex flex-col gap-3">
        <h2 id="users-title" className="text-xl font-semibold">
          Users
        </h2>
        <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
          {figures.map((f) => (
            <div key={f.label} className="rounded-xl border border-slate-200 p-4 dark:border-slate-800">
              <dt className="text-sm text-slate-600 dark:text-slate-300">{f.label}</dt>
              <dd className="text-2xl font-semibold tabular-nums">{f.value}</dd>
            </div>
          ))}
        </dl>
        <p>
          <Link href="/admin/users" className={buttonStyles.primary}>
            Manage users
          </Link>{" "}
          <Link href="/admin/courses" className={buttonStyles.secondary}>
            All courses
          </Link>{" "}
          <Link href="/admin/categories" className={buttonStyles.secondary}>
            Categories
          </Link>{" "}
          <Link href="/admin/cohorts" className={buttonStyles.secondary}>
            Cohorts
          </Link>{" "}
          <Link href="/admin/invitations" className={buttonStyles.secondary}>
            Invitations
          </Link>{" "}
          <Link href="/admin/certificates" className={buttonStyles.secondary}>
            Certificates
          </Link>{" "}
          <Link href="/admin/jobs" className={buttonStyles.secondary}>
            Background jobs
          </Link>{" "}
          <Link href="/admin/instructor-requests" className={buttonStyles.secondary}>
            Requests to teach{waiting > 0 ? ` (${waiting} waiting)` : ""}
          </Link>{" "}
          <Link href="/admin/settings" className={buttonStyles.secondary}>
            Settings
          </Link>
        </p>
      </section>

      <section aria-labelledby="platform-title" className="flex flex-col gap-6">
        <div className="flex flex-wrap items-center gap-3">
          <h2 id="platform-title" className="flex-1 text-xl font-semibold">
            Platform analytics
          </h2>
          <CsvLink href={`/api/admin/analytics?${csvParams.toString()}`}>Download CSV (one row per course)</CsvLink>
        </div>
        <RangeBar range={range} hrefFor={(r) => overviewHref("/admin", { range: r, cohortId: cohort?.id })} />
        <CohortFilter
          action="/admin"
          cohorts={cohorts}
          current={cohort}
          keep={{ range: range.range === "30d" ? undefined : range.range }}
          clearHref={overviewHref("/admin", { range: range.range })}
        />

        <Subsection id="signups-title" title="Sign-ups">
          <TimeSeriesChart
            title={`Sign-ups per ${range.bucket}`}
            series="Sign-ups"
            points={analytics.signUpsOverTime}
            bucket={range.bucket}
            tone="sky"
            emptyText={`No one signed up in ${period}.`}
          />
        </Subsection>

        <Subsection id="courses-title" title="Courses">
          <StatCards
            stats={[
              { label: "Published courses", value: analytics.courses.published, note: "now" },
              { label: "Draft courses", value: analytics.courses.draft, note: "now" },
            ]}
          />
        </Subsection>

        <OverTimeSection
          range={range}
          enrollments={analytics.enrollmentsOverTime}
          completions={analytics.completionsOverTime}
          scope="any course"
          headingLevel={3}
        />

        <div className="grid gap-6 lg:grid-cols-2">
          <TopCoursesTable
            title="Top courses by enrollments"
            countLabel="Enrollments"
            courses={analytics.topByEnrollments}
            emptyText={`No enrollments in ${period}.`}
          />
          <TopCoursesTable
            title="Top courses by completions"
            countLabel="Completions"
            courses={analytics.topByCompletions}
            emptyText={`No completions in ${period}.`}
          />
        </div>

        <Subsection id="storage-title" title="Storage">
          <StatCards
            stats={[
              { label: "Lesson videos", value: formatBytes(storage.videoBytes), note: plural(storage.videoCount, "file") },
              { label: "Materials", value: formatBytes(storage.materialBytes), note: plural(storage.materialCount, "file") },
              {
                label: "In all",
                value: formatBytes(storage.videoBytes + storage.materialBytes),
                note: plural(storage.videoCount + storage.materialCount, "file"),
              },
            ]}
          />
        </Subsection>
      </section>
    </div>
  );
}
