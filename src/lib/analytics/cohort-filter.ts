import "server-only";
import { sql, type SQL } from "drizzle-orm";
import type { Viewer } from "@/lib/auth/viewer";
import { AppError } from "@/lib/http/errors";
import { queryRows } from "./sql-rows";

/**
 * The cohort filter of the analytics views. Filtered, a figure counts the enrollments (and users) of the cohort's
 * members only; the filter is one more condition next to the course scope, so it can only narrow what a view shows.
 */

/** The cohort a view is filtered by; `members` is its member count, which the shared figures' key carries. */
export type CohortFilter = { id: string; name: string; members: number };

/** A learner (by default the learner of enrollments aliased `e`) is a member of the cohort; always true without one. */
export const memberOf = (cohortId: string | undefined, learnerId: SQL = sql`e.learner_id`): SQL =>
  cohortId ? sql`exists (select 1 from cohort_members cm where cm.cohort_id = ${cohortId} and cm.user_id = ${learnerId})` : sql`true`;

/**
 * The cohorts a viewer may filter a set of courses (a condition on courses aliased `c`) by: an admin any cohort; an
 * instructor those enrolled in one of the courses or with a member enrolled in one. A to Z, at most 500.
 */
async function visibleCohorts(viewer: Viewer | null, courses: SQL, only?: string): Promise<CohortFilter[]> {
  const visible =
    viewer?.role === "ADMIN"
      ? sql`true`
      : sql`(exists (select 1 from cohort_courses cc join courses c on c.id = cc.course_id where cc.cohort_id = k.id and ${courses})
          or exists (select 1 from cohort_members cm join enrollments e on e.learner_id = cm.user_id join courses c on c.id = e.course_id
            where cm.cohort_id = k.id and ${courses}))`;
  return queryRows<CohortFilter>(sql`
    select k.id, k.name, (select count(*)::int from cohort_members m where m.cohort_id = k.id) as members
    from cohorts k
    where ${visible} ${only ? sql`and k.id = ${only}` : sql``}
    order by lower(k.name), k.id
    limit 500`);
}

/** The choices of a view's cohort selector, for the viewer over these courses. */
export async function cohortChoices(viewer: Viewer | null, courses: SQL): Promise<{ id: string; name: string }[]> {
  return (await visibleCohorts(viewer, courses)).map(({ id, name }) => ({ id, name }));
}

/** The cohort a view asks for, or null without one; one the viewer may not filter by is not found (404). */
export async function requireCohortFilter(viewer: Viewer | null, courses: SQL, cohortId: string | undefined): Promise<CohortFilter | null> {
  if (!cohortId) return null;
  const [cohort] = await visibleCohorts(viewer, courses, cohortId);
  if (!cohort) throw new AppError("NOT_FOUND", "That cohort was not found.", { fields: { cohortId: "No such cohort." } });
  return cohort;
}
