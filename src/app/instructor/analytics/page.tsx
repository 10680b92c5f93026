import type { Metadata } from "next";
import Link from "next/link";
import { emptyChartClass } from "@/components/analytics/chart-figure";
import { CohortFilter } from "@/components/analytics/cohort-filter";
import { overviewHref } from "@/components/analytics/course-analytics-href";
import { InstructorCoursesTable } from "@/components/analytics/instructor-courses-table";
import { AnalyticsHeader } from "@/components/analytics/analytics-header";
import { parseSearch } from "@/lib/validation/parse-search";
import { OverTimeSection } from "@/components/analytics/over-time-section";
import { SummaryStats } from "@/components/analytics/summary-stats";
import { buttonStyles } from "@/components/ui/button-styles";
import { getInstructorAnalytics, instructorCohortChoices } from "@/lib/analytics/get-instructor-analytics";
import { analyticsQuerySchema } from "@/lib/validation/analytics";
import { orNotFound, requirePageRole } from "@/app/_http/page-viewer";

export const metadata: Metadata = { title: "Analytics across my courses" };

export default async function InstructorAnalyticsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const viewer = await requirePageRole("/instructor/analytics", "INSTRUCTOR", "ADMIN");
  // A malformed value is dropped, as for every query value; a cohort id the viewer may not filter by is not found.
  const query = parseSearch(analyticsQuerySchema, await searchParams, ["range", "bucket", "cohortId"]);
  const [analytics, cohorts] = await orNotFound(Promise.all([getInstructorAnalytics(viewer, query), instructorCohortChoices(viewer)]));
  const { range, summary, cohort } = analytics;
  const path = "/instructor/analytics";
  const section = "flex flex-col gap-4";
  return (
    <div className="flex flex-col gap-8">
      <AnalyticsHeader
        back={{ href: "/instructor", label: "Back to my courses" }}
        title="Analytics across my courses"
        range={range}
        hrefFor={(r) => overviewHref(path, { range: r, cohortId: cohort?.id })}
      />
      <CohortFilter
        action={path}
        cohorts={cohorts}
        current={cohort}
        keep={{ range: range.range === "30d" ? undefined : range.range }}
        clearHref={overviewHref(path, { range: range.range })}
      />
      {analytics.courses.length === 0 ? (
        <p className={emptyChartClass}>
          You have no courses yet.{" "}
          <Link href="/instructor/courses/new" className={buttonStyles.link}>
            Create your first one
          </Link>
        </p>
      ) : (
        <>
          <SummaryStats summary={summary} range={range.range} />
          <OverTimeSection
            range={range}
            enrollments={analytics.enrollmentsOverTime}
            completions={analytics.completionsOverTime}
            scope="any of your courses"
          />
          <section aria-labelledby="courses-title" className={section}>
            <h2 id="courses-title" className="text-xl font-semibold">
              Per course
            </h2>
            <InstructorCoursesTable courses={analytics.courses} range={range.range} cohortId={cohort?.id} />
          </section>
        </>
      )}
    </div>
  );
}
