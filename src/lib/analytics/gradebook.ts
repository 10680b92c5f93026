import "server-only";
import { sql } from "drizzle-orm";
import type { Viewer } from "@/lib/auth/viewer";
import { requireCourseEditor } from "@/lib/courses/course-editor-access";
import { cohortChoices, memberOf, requireCohortFilter } from "./cohort-filter";
import { csvLine, slugify, type CsvDownload } from "./csv";
import { oneCourse } from "./get-course-analytics";
import { queryRows } from "./sql-rows";
import type { AppliedCohort } from "./types";

/**
 * The course's gradebook: one row per enrolled learner, one column per quiz and assignment in curriculum order. A quiz
 * cell is the learner's best graded attempt (percent, as the quiz results count it); an assignment cell is the points of
 * its latest grade (a revision request included, since that is the grade the learner was given), out of its maximum.
 * Two statements, whatever the number of learners and columns. With a cohort, its members' rows only (404 when the
 * viewer may not filter this course by it, as on the course's analytics).
 */

export type GradebookColumn = { lessonId: string; title: string; kind: "quiz" | "assignment"; maxPoints: number | null };
export type GradebookCell = { score: number | null; passed: boolean | null; status: string | null };
export type GradebookRow = {
  learnerId: string;
  name: string | null;
  email: string;
  progress: number;
  cells: Record<string, GradebookCell>;
};
export type Gradebook = {
  course: { id: string; title: string };
  cohort: AppliedCohort;
  columns: GradebookColumn[];
  rows: GradebookRow[];
};

export async function getGradebook(viewer: Viewer | null, courseId: string, cohortId?: string): Promise<Gradebook> {
  const course = await requireCourseEditor(viewer, courseId);
  const cohort = await requireCohortFilter(viewer, oneCourse(courseId), cohortId);
  const [columns, cells] = await Promise.all([
    queryRows<GradebookColumn>(sql`
      select l.id as "lessonId", l.title, l.kind::text as kind, a.max_points as "maxPoints"
      from lessons l join modules m on m.id = l.module_id left join assignments a on a.lesson_id = l.id
      where m.course_id = ${courseId} and l.kind in ('quiz', 'assignment')
      order by m.ord, l.ord, l.id`),
    queryRows<{
      learnerId: string;
      name: string | null;
      email: string;
      progress: number;
      lessonId: string | null;
      score: number | null;
      passed: boolean | null;
      status: string | null;
    }>(sql`
      with learners as (
        select e.id as enrollment_id, u.id as learner_id, u.name, u.email, e.progress
        from enrollments e join users u on u.id = e.learner_id where e.course_id = ${courseId} and ${memberOf(cohort?.id)}
      ), best_quiz as (
        select distinct on (a.lesson_id, a.enrollment_id) a.lesson_id, a.enrollment_id, a.score, a.passed
        from quiz_attempts a join learners l on l.enrollment_id = a.enrollment_id
        where a.score is not null
        order by a.lesson_id, a.enrollment_id, a.score desc, a.submitted_at, a.id
      ), graded as (
        select s.lesson_id, s.enrollment_id, s.points::float8 as score, s.passed, s.status::text as status
        from assignment_submissions s join learners l on l.enrollment_id = s.enrollment_id
      ), cells as (
        select lesson_id, enrollment_id, score, passed, null::text as status from best_quiz
        union all select lesson_id, enrollment_id, score, passed, status from graded
      )
      select l.learner_id as "learnerId", l.name, l.email, l.progress, c.lesson_id as "lessonId", c.score, c.passed, c.status
      from learners l left join cells c on c.enrollment_id = l.enrollment_id
      order by lower(coalesce(l.name, l.email)), l.email`),
  ]);
  const rows = new Map<string, GradebookRow>();
  for (const c of cells) {
    const row = rows.get(c.learnerId) ?? { learnerId: c.learnerId, name: c.name, email: c.email, progress: c.progress, cells: {} };
    if (c.lessonId) row.cells[c.lessonId] = { score: c.score, passed: c.passed, status: c.status };
    rows.set(c.learnerId, row);
  }
  return {
    course: { id: course.id, title: course.title },
    cohort: cohort && { id: cohort.id, name: cohort.name },
    columns,
    rows: [...rows.values()],
  };
}

/** The gradebook page: the gradebook and its cohort selector's choices, behind the one editor check. */
export async function getGradebookPage(viewer: Viewer | null, courseId: string, cohortId?: string) {
  const book = await getGradebook(viewer, courseId, cohortId);
  return { book, cohorts: await cohortChoices(viewer, oneCourse(courseId)) };
}

/** What a cell says in words, as the page and the CSV show it. */
export function cellText(column: GradebookColumn, cell: GradebookCell | undefined): string {
  if (!cell) return "";
  if (column.kind === "quiz") return cell.score === null ? "" : `${cell.score}%`;
  if (cell.status === "submitted") return "to grade";
  if (cell.score === null) return "";
  return `${cell.score}/${column.maxPoints}${cell.status === "returned" ? " (revision asked)" : ""}`;
}

/**
 * The gradebook as a CSV: name, e-mail, progress, then a column per quiz (best %) and per assignment (points); with a
 * cohort, its members' rows.
 */
export async function exportGradebook(viewer: Viewer | null, courseId: string, cohortId?: string): Promise<CsvDownload> {
  const book = await getGradebook(viewer, courseId, cohortId);
  const header = [
    "Name",
    "Email",
    "Progress (%)",
    ...book.columns.map((c) => (c.kind === "quiz" ? `${c.title} (quiz, best %)` : `${c.title} (assignment, points of ${c.maxPoints})`)),
  ];
  const lines = [
    csvLine(header),
    ...book.rows.map((r) =>
      csvLine([
        r.name ?? "",
        r.email,
        r.progress,
        ...book.columns.map((c) => {
          const cell = r.cells[c.lessonId];
          if (!cell || cell.score === null || (c.kind === "assignment" && cell.status === "submitted")) return "";
          return cell.score;
        }),
      ]),
    ),
  ];
  const bytes = new TextEncoder().encode(lines.join(""));
  return {
    fileName: `gradebook-${slugify(book.course.title, "course")}.csv`,
    body: new ReadableStream({
      start(controller) {
        controller.enqueue(bytes);
        controller.close();
      },
    }),
  };
}
