import "server-only";
import { sql } from "drizzle-orm";
import { scoreBands } from "@/lib/quizzes/results-figures";
import { enrolledIn, type ResolvedRange } from "./range";
import { queryRows } from "./sql-rows";
import type { AssignmentLine } from "./types";

/**
 * The course's assignments in curriculum order, over the range's cohort: how many learners handed in, how many are
 * graded, waiting or late, how many passed, the mean points, and the graded ones in ten bands of percent of the maximum
 * (as the quiz score distribution bands them). One statement; grading drops the course's shared figures.
 */
export async function courseAssignments(courseId: string, range: ResolvedRange): Promise<AssignmentLine[]> {
  const rows = await queryRows<Omit<AssignmentLine, "distribution"> & { bands: number[] | null }>(sql`
    with assignment_lessons as (
      select l.id, l.title, a.max_points, m.ord as module_ord, l.ord as lesson_ord
      from lessons l join modules m on m.id = l.module_id join assignments a on a.lesson_id = l.id
      where m.course_id = ${courseId} and l.kind = 'assignment'
    ), subs as (
      select s.lesson_id, s.status, s.late, s.passed, s.points, least(9, floor(100.0 * s.points / al.max_points / 10))::int as band
      from assignment_submissions s join enrollments e on e.id = s.enrollment_id join assignment_lessons al on al.id = s.lesson_id
      where e.course_id = ${courseId} and ${enrolledIn(range)}
    )
    select al.id as "lessonId", al.title, al.max_points as "maxPoints",
      count(s.lesson_id)::int as submitted,
      count(*) filter (where s.status = 'graded')::int as graded,
      count(*) filter (where s.status = 'submitted')::int as waiting,
      count(*) filter (where s.late)::int as late,
      count(*) filter (where s.status = 'graded' and s.passed)::int as passed,
      round(avg(s.points) filter (where s.status = 'graded'), 1)::float8 as "averagePoints",
      array_agg(s.band) filter (where s.status = 'graded') as bands
    from assignment_lessons al left join subs s on s.lesson_id = al.id
    group by al.id, al.title, al.max_points, al.module_ord, al.lesson_ord
    order by al.module_ord, al.lesson_ord, al.id`);
  return rows.map(({ bands, ...line }) => {
    const counts = new Map<number, number>();
    for (const band of bands ?? []) counts.set(band, (counts.get(band) ?? 0) + 1);
    return { ...line, distribution: scoreBands(counts) };
  });
}
