import "server-only";
import { sql } from "drizzle-orm";
import { requireRoleOf, type Viewer } from "@/lib/auth/viewer";
import type { AnalyticsQuery } from "@/lib/validation/analytics";
import { rangeInfo, resolveRange, type ResolvedRange } from "./range";
import { queryRows } from "./sql-rows";
import { countOverTime } from "./time-series";
import type { AdminAnalytics, TopCourse } from "./types";

type PlatformFacts = Pick<AdminAnalytics, "usersByRole" | "courses" | "storage"> & { firstEventAt: string | null };

/** Users by role, courses by status, stored bytes and the first event (which starts "all"), in one statement. */
async function platformFacts(): Promise<PlatformFacts> {
  const [row] = await queryRows<PlatformFacts>(sql`
    select json_build_object(
        'ADMIN', (select count(*) from users where role = 'ADMIN'),
        'INSTRUCTOR', (select count(*) from users where role = 'INSTRUCTOR'),
        'LEARNER', (select count(*) from users where role = 'LEARNER')
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
      to_char(least((select min(created_at) from users), (select min(enrolled_at) from enrollments)) at time zone 'UTC',
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
      where ${at} >= ${range.start}::timestamptz and ${at} < ${range.end}::timestamptz
      group by e.course_id
    ) t
    join courses c on c.id = t.course_id join users u on u.id = c.instructor_id
    order by t.n desc, c.title, c.id
    limit 10`);
}

/** Platform figures for admins: users, sign-ups, courses, top courses, enrollments and completions, storage. */
export async function getAdminAnalytics(viewer: Viewer | null, query: AnalyticsQuery, now: Date = new Date()): Promise<AdminAnalytics> {
  requireRoleOf(viewer, "ADMIN");
  const facts = await platformFacts();
  const range = resolveRange(query, now, facts.firstEventAt ? new Date(facts.firstEventAt) : null);
  const [series, topByEnrollments, topByCompletions] = await Promise.all([
    countOverTime(range, {
      signUps: sql`select created_at as at from users`,
      enrollments: sql`select enrolled_at as at from enrollments`,
      completions: sql`select completed_at as at from enrollments`,
    }),
    topCourses("enrolled_at", range),
    topCourses("completed_at", range),
  ]);
  return {
    range: rangeInfo(range),
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
