import "server-only";
import { sql, type SQL } from "drizzle-orm";
import type { LearnersQuery } from "@/lib/validation/analytics";
import { memberOf } from "./cohort-filter";
import { isoSql, queryRows } from "./sql-rows";
import type { LearnerRow } from "./types";

/**
 * The learners of one course as the table and the CSV list them. Each sort has a non-null key and the enrollment id
 * breaks ties in the same direction, so the order is total: pages never repeat or skip a row, and the CSV reads the
 * same order in keyset batches.
 */

/** Latest of the last access and the last change to a lesson's progress, for the rows of one page; null when neither. */
const lastActivity = sql`greatest(p.last_accessed_at, (select max(lp.updated_at) from lesson_progress lp where lp.enrollment_id = p.id))`;

const sortKeys: Record<LearnersQuery["sort"], { key: SQL; type: SQL }> = {
  name: { key: sql`lower(coalesce(u.name, u.email))`, type: sql`text` },
  enrolled: { key: sql`e.enrolled_at`, type: sql`timestamptz` },
  progress: { key: sql`e.progress`, type: sql`int` },
  // The same instant as lastActivity, from one grouped pass over the course's progress rows (see activityJoin); no
  // activity sorts as the oldest.
  activity: { key: sql`coalesce(greatest(e.last_accessed_at, act.at), '-infinity'::timestamptz)`, type: sql`timestamptz` },
};

/** Sorting by activity needs it for every learner: aggregated once, not a subquery per row. */
const activityJoin = (courseId: string) => sql`left join (
    select lp.enrollment_id, max(lp.updated_at) as at
    from lesson_progress lp join enrollments ce on ce.id = lp.enrollment_id
    where ce.course_id = ${courseId}
    group by lp.enrollment_id
  ) act on act.enrollment_id = e.id`;

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * The condition on enrollments `e` joined to users `u`: this course, the search over name and e-mail, and, with a
 * cohort, its members only.
 */
function learnersCondition(courseId: string, q: string | undefined, cohortId?: string): SQL {
  const conditions = [sql`e.course_id = ${courseId}`];
  if (q) {
    const pattern = `%${escapeLike(q)}%`;
    conditions.push(sql`(u.name ilike ${pattern} or u.email ilike ${pattern})`);
  }
  if (cohortId) conditions.push(memberOf(cohortId));
  return sql.join(conditions, sql` and `);
}

/** How many learners of the course match the search (and cohort); without either, counted from the enrollments index alone. */
export async function countLearners(courseId: string, q: string | undefined, cohortId?: string): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    q
      ? sql`select count(*)::int as n from enrollments e join users u on u.id = e.learner_id where ${learnersCondition(courseId, q, cohortId)}`
      : sql`select count(*)::int as n from enrollments e where ${learnersCondition(courseId, q, cohortId)}`,
  );
  return row?.n ?? 0;
}

/** Where the previous batch stopped: its last row's sort key (as text) and enrollment id. */
export type LearnersCursor = { key: string; id: string };

/** A batch of rows and where it ends, for the next batch; the cursor is null for an empty batch. */
export type LearnerBatch = { rows: LearnerRow[]; last: LearnersCursor | null };

export async function selectLearnerRows(
  courseId: string,
  query: Pick<LearnersQuery, "q" | "sort" | "dir"> & { cohortId?: string },
  window: { limit: number; offset?: number; after?: LearnersCursor },
): Promise<LearnerBatch> {
  const { key, type } = sortKeys[query.sort];
  const dir = sql.raw(query.dir === "asc" ? "asc" : "desc");
  const conditions = [learnersCondition(courseId, query.q, query.cohortId)];
  if (window.after) {
    const comparison = sql.raw(query.dir === "asc" ? ">" : "<");
    conditions.push(sql`(${key}, e.id) ${comparison} (${window.after.key}::${type}, ${window.after.id}::uuid)`);
  }
  // The page is chosen first and the last activity computed for its rows only (unless it is the sort key).
  const rows = await queryRows<{ row: LearnerRow; cursorKey: string; enrollmentId: string }>(sql`
    select json_build_object(
        'enrollmentId', p.id, 'learnerId', p.learner_id, 'name', p.name, 'email', p.email, 'enrolledAt', ${isoSql(sql`p.enrolled_at`)},
        'progress', p.progress, 'completedAt', ${isoSql(sql`p.completed_at`)}, 'lastActivityAt', ${isoSql(lastActivity)},
        'certificateCode', (select c.code from certificates c where c.course_id = ${courseId} and c.learner_id = p.learner_id and c.revoked_at is null)
      ) as row, p.id as "enrollmentId", p.sort_key::text as "cursorKey"
    from (
      select e.id, e.learner_id, u.name, u.email, e.enrolled_at, e.progress, e.completed_at, e.last_accessed_at, ${key} as sort_key
      from enrollments e join users u on u.id = e.learner_id ${query.sort === "activity" ? activityJoin(courseId) : sql``}
      where ${sql.join(conditions, sql` and `)}
      order by ${key} ${dir}, e.id ${dir}
      limit ${window.limit} offset ${window.offset ?? 0}
    ) p
    order by p.sort_key ${dir}, p.id ${dir}`);
  const tail = rows.at(-1);
  return {
    rows: rows.map((r) => r.row),
    last: tail ? { key: tail.cursorKey, id: tail.enrollmentId } : null,
  };
}
