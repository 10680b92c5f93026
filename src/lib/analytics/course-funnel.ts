import "server-only";
import { sql } from "drizzle-orm";
import { enrolledIn, type ResolvedRange } from "./range";
import { percentSql, queryRows } from "./sql-rows";
import type { FunnelStep } from "./types";

/** Every lesson in curriculum order, with how many of the range's enrollments completed it and where they stopped. */
export async function courseFunnel(courseId: string, range: ResolvedRange): Promise<FunnelStep[]> {
  return queryRows<FunnelStep>(sql`
    with size as (
      select count(*)::int as n from enrollments e
      where e.course_id = ${courseId} and ${enrolledIn(range)}
    ), done as (
      select lp.lesson_id, count(*) filter (where lp.completed)::int as completed,
        avg(lp.video_position) filter (where lp.video_position > 0) as average_position
      from enrollments e join lesson_progress lp on lp.enrollment_id = e.id
      where e.course_id = ${courseId} and ${enrolledIn(range)}
      group by lp.lesson_id
    )
    select l.id as "lessonId", l.title, m.title as "moduleTitle",
      (row_number() over (order by m.ord, l.ord, l.id))::int as position,
      coalesce(d.completed, 0) as completed,
      ${percentSql(sql`coalesce(d.completed, 0)`, sql`size.n`)} as "completedPercent",
      case when l.video_key is null then null else round(d.average_position, 1)::float8 end as "averageVideoPosition",
      l.video_duration as "videoDuration"
    from lessons l join modules m on m.id = l.module_id cross join size left join done d on d.lesson_id = l.id
    where m.course_id = ${courseId}
    order by m.ord, l.ord, l.id`);
}
