import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { courseAnalyticsHref, learnersCsvHref, type CourseAnalyticsView } from "@/components/analytics/course-analytics-href";
import { CohortFilter } from "@/components/analytics/cohort-filter";
import { CourseAssignmentsSection } from "@/components/analytics/course-assignments-section";
import { CourseQuizzesSection } from "@/components/analytics/course-quizzes-section";
import { CsvLink } from "@/components/analytics/csv-link";
import { emptyChartClass } from "@/components/analytics/chart-figure";
import { AnalyticsHeader } from "@/components/analytics/analytics-header";
import { LearnerSearchForm } from "@/components/analytics/learner-search-form";
import { LearnersTable } from "@/components/analytics/learners-table";
import { LessonFunnel } from "@/components/analytics/lesson-funnel";
import { Pager } from "@/components/analytics/pager";
import { parseSearch } from "@/lib/validation/parse-search";
import { OverTimeSection } from "@/components/analytics/over-time-section";
import { rangePhrase } from "@/components/analytics/range-picker";
import { SummaryStats } from "@/components/analytics/summary-stats";
import { buttonStyles } from "@/components/ui/button-styles";
import { badgeStyles } from "@/components/ui/table-styles";
import { getCourseAnalyticsPage } from "@/lib/analytics/get-course-analytics-page";
import { plural } from "@/lib/format";
import { analyticsQuerySchema, learnersQuerySchema } from "@/lib/validation/analytics";
import { orNotFound, requirePageRole } from "@/app/_http/page-viewer";
import { courseParams } from "@/lib/validation/ids";

export const metadata: Metadata = { title: "Course analytics" };

type Props = { params: Promise<{ courseId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function CourseAnalyticsPage({ params, searchParams }: Props) {
  const parsed = courseParams.safeParse(await params);
  if (!parsed.success) notFound();
  const { courseId } = parsed.data;
  const viewer = await requirePageRole(`/instructor/courses/${courseId}/analytics`, "INSTRUCTOR", "ADMIN");
  const raw = await searchParams;
  // A malformed value is dropped, as for every query value; a cohort id the viewer may not filter by is not found.
  const query = parseSearch(analyticsQuerySchema, raw, ["range", "bucket", "cohortId"]);
  const learnersQuery = parseSearch(learnersQuerySchema, raw, ["q", "sort", "dir", "page"]);
  const { analytics, learners, cohorts } = await orNotFound(getCourseAnalyticsPage(viewer, courseId, query, learnersQuery));
  const { course, range, summary } = analytics;
  const view: CourseAnalyticsView = { ...learnersQuery, cohortId: analytics.cohort?.id, range: range.range };
  const pageCount = Math.max(1, Math.ceil(learners.total / learners.pageSize));
  const period = rangePhrase(range.range);
  const section = "flex flex-col gap-4";
  return (
    <div className="flex flex-col gap-8">
      <AnalyticsHeader
        back={{ href: `/instructor/courses/${courseId}`, label: "Back to the course editor" }}
        title={
          <>
            Analytics: {course.title} {!course.isPublished && <span className={`${badgeStyles.slate} align-middle`}>Draft</span>}
          </>
        }
        range={range}
        hrefFor={(r) => courseAnalyticsHref(courseId, { ...view, range: r, page: 1 })}
      />

      <CohortFilter
        action={`/instructor/courses/${courseId}/analytics`}
        cohorts={cohorts}
        current={analytics.cohort}
        keep={{
          range: view.range === "30d" ? undefined : view.range,
          q: view.q,
          sort: view.sort === "enrolled" ? undefined : view.sort,
          dir: view.dir === "desc" ? undefined : view.dir,
        }}
        clearHref={courseAnalyticsHref(courseId, { ...view, cohortId: undefined, page: 1 })}
      />

      <SummaryStats summary={summary} range={range.range} />

      <OverTimeSection
        range={range}
        enrollments={analytics.enrollmentsOverTime}
        completions={analytics.completionsOverTime}
        scope="this course"
      />

      <section aria-labelledby="lessons-title" className={section}>
        <h2 id="lessons-title" className="text-xl font-semibold">
          Lessons
        </h2>
        {analytics.funnel.length === 0 ? (
          <p className={emptyChartClass}>
            This course has no lessons yet.{" "}
            <Link href={`/instructor/courses/${courseId}`} className={buttonStyles.link}>
              Add lessons in the editor
            </Link>
          </p>
        ) : summary.enrollments === 0 ? (
          <p className={emptyChartClass}>
            No learners enrolled in {period}, so there is no completion funnel for this range. It has{" "}
            {plural(analytics.funnel.length, "lesson")}.
          </p>
        ) : (
          <LessonFunnel steps={analytics.funnel} enrollments={summary.enrollments} />
        )}
      </section>

      <CourseQuizzesSection courseId={courseId} quizzes={analytics.quizzes} period={period} />

      <CourseAssignmentsSection courseId={courseId} assignments={analytics.assignments} cohortId={view.cohortId} />

      <section aria-labelledby="learners-title" className={section}>
        <div className="flex flex-wrap items-center gap-3">
          <h2 id="learners-title" className="flex-1 text-xl font-semibold">
            Learners
          </h2>
          {learners.total > 0 && <CsvLink href={learnersCsvHref(courseId, view)}>Download CSV</CsvLink>}
        </div>
        <LearnerSearchForm courseId={courseId} view={view} />
        <p role="status" className="text-sm text-slate-700 dark:text-slate-300">
          {learners.total === 0
            ? view.q
              ? `No learner matches “${view.q}”.`
              : "No learners yet."
            : `${plural(learners.total, "learner")}${view.q ? ` ${learners.total === 1 ? "matches" : "match"} “${view.q}”` : ", all time"}; page ${learners.page} of ${pageCount}.`}
        </p>
        {learners.rows.length > 0 ? (
          <LearnersTable courseId={courseId} view={view} rows={learners.rows} />
        ) : learners.total > 0 ? (
          <p>
            <Link href={courseAnalyticsHref(courseId, { ...view, page: pageCount })} className={buttonStyles.link}>
              Go to the last page
            </Link>
          </p>
        ) : (
          !view.q && (
            <p className={emptyChartClass}>
              {course.isPublished
                ? "When learners enroll, they appear here with their progress and last activity."
                : "This course is a draft. Publish it so that learners can find it and enroll."}
            </p>
          )
        )}
        <Pager
          page={learners.page}
          pageCount={pageCount}
          label="Learner pages"
          hrefFor={(page) => courseAnalyticsHref(courseId, { ...view, page })}
        />
      </section>
    </div>
  );
}
