import "server-only";
import { sql } from "drizzle-orm";
import { requireRoleOf, type Viewer } from "@/lib/auth/viewer";
import type { AnalyticsQuery } from "@/lib/validation/analytics";
import { cohortChoices, memberOf, requireCohortFilter } from "./cohort-filter";
import { rangeInfo, resolveRange, type ResolvedRange } from "./range";
import { queryRows } from "./sql-rows";
import { countOverTime } from "./time-series";
import type { AdminAnalytics, TopCourse } from "./types";

type PlatformFacts = Pick<AdminAnalytics, "usersByRole" | "courses" | "storage"> & { firstEventAt: string | null };

/**
 * Users by role, courses by status, stored bytes and the first event (which starts "all"), in one statement; with a
 * cohort, the users and the first event are its members'.
 */
async function platformFacts(cohortId: string | undefined): Promise<PlatformFacts> {
  const member = memberOf(cohortId, sql`u.id`);
  const [row] = await queryRows<PlatformFacts>(sql`
    select json_build_object(
        'ADMIN', (select count(*) from users u where role = 'ADMIN' and ${member}),
        'INSTRUCTOR', (select count(*) from users u where role = 'INSTRUCTOR' and ${member}),
        'LEARNER', (select count(*) from users u where role = 'LEARNER' and ${member})
      ) as "usersByRole",
      json_build_object(
        'published', (select count(*) from courses where is_published),
        'draft', (select count(*) from courses where not is_published)
      ) as courses,
      json_build_object(
        'videoBytes', (select coalesce(sum(video_size), 0)::float8 from lessons where video_key is not null),
        'materialBytes', (select coalesce(sum(file_size), 0)::float8 from course_materials),
        'videoCount', (select count(*) from lessons where video_key is not null),
        'materialCount', (select count(*) from course_materials)
      ) as storage,
      to_char(least((select min(created_at) from users u where ${member}), (select min(enrolled_at) from enrollments e where ${memberOf(cohortId)})) at time zone 'UTC',
        'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as "firstEventAt"`);
  return row!;
}

/** The ten courses with the most enrollments made (or completions reached) in the range; courses with none are left out. */
async function topCourses(column: "enrolled_at" | "completed_at", range: ResolvedRange): Promise<TopCourse[]> {
  const at = sql.raw(`e.${column}`);
  return queryRows<TopCourse>(sql`
    select c.id as "courseId", c.title, u.name as "instructorName", t.n as count
    from (
      select e.course_id, count(*)::int as n from enrollments e
      where ${at} >= ${range.start}::timestamptz and ${at} < ${range.end}::timestamptz and ${memberOf(range.cohortId)}
      group by e.course_id
    ) t
    join courses c on c.id = t.course_id join users u on u.id = c.instructor_id
    order by t.n desc, c.title, c.id
    limit 10`);
}

/**
 * Platform figures for admins: users, sign-ups, courses, top courses, enrollments and completions, storage. With
 * `query.cohortId`, the people figures count that cohort's members only (404 when there is no such cohort).
 */
export async function getAdminAnalytics(viewer: Viewer | null, query: AnalyticsQuery, now: Date = new Date()): Promise<AdminAnalytics> {
  requireRoleOf(viewer, "ADMIN");
  const cohort = await requireCohortFilter(viewer, sql`true`, query.cohortId);
  const facts = await platformFacts(cohort?.id);
  const range = resolveRange({ ...query, cohortId: cohort?.id }, now, facts.firstEventAt ? new Date(facts.firstEventAt) : null);
  const [series, topByEnrollments, topByCompletions] = await Promise.all([
    countOverTime(range, {
      signUps: sql`select created_at as at from users u where ${memberOf(range.cohortId, sql`u.id`)}`,
      enrollments: sql`select enrolled_at as at from enrollments e where ${memberOf(range.cohortId)}`,
      completions: sql`select completed_at as at from enrollments e where ${memberOf(range.cohortId)}`,
    }),
    topCourses("enrolled_at", range),
    topCourses("completed_at", range),
  ]);
  return {
    range: rangeInfo(range),
    cohort: cohort && { id: cohort.id, name: cohort.name },
    usersByRole: facts.usersByRole,
    signUpsOverTime: series.signUps,
    courses: facts.courses,
    topByEnrollments,
    topByCompletions,
    enrollmentsOverTime: series.enrollments,
    completionsOverTime: series.completions,
    storage: facts.storage,
  };
}

/** Admins may filter the platform figures by any cohort: the selector's choices. */
export async function adminCohortChoices(viewer: Viewer | null) {
  requireRoleOf(viewer, "ADMIN");
  return cohortChoices(viewer, sql`true`);
}
