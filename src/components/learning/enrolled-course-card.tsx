import Link from "next/link";
import { Award, CheckCircle2, PlayCircle } from "lucide-react";
import { ProgressBar } from "@/components/learning/progress-bar";
import { buttonStyles } from "@/components/ui/button-styles";
import { plural } from "@/lib/format";
import { courseHref } from "@/components/course/course-href";
import { playerHref } from "./learner-hrefs";

export type EnrolledCourse = {
  courseId: string;
  slug: string;
  title: string;
  instructorName: string | null;
  totalLessons: number;
  progress: number;
  completedAt: Date | null;
  /** Whether a lesson of the course was opened yet. */
  started: boolean;
  /** The lesson to continue with: where the learner stopped, or the next one once that is done. */
  nextLessonId: string | null;
  /** The certificate the course issued the learner, if any (My courses shows it). */
  certificateCode?: string | null;
};

/** Where to pick a course up: its lesson to continue with in the player, or its page when it has no lessons yet. */
export function continueHref(course: Pick<EnrolledCourse, "courseId" | "slug" | "nextLessonId">) {
  return course.nextLessonId ? playerHref(course.courseId, course.nextLessonId) : courseHref(course);
}

/** The course's button: Start before any lesson was opened, Continue once one was, Review once every lesson is done. */
export function continueLabel(course: Pick<EnrolledCourse, "progress" | "started">) {
  return course.progress >= 100 ? "Review" : course.started ? "Continue" : "Start";
}

/** One enrollment: title, progress, a "Completed" badge at 100 %, and Start, Continue or Review. */
export function EnrolledCourseCard({ course, headingLevel = 2 }: { course: EnrolledCourse; headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const done = course.progress >= 100;
  return (
    <article className="flex h-full flex-col gap-3 rounded-xl border border-slate-200 bg-white p-4 shadow-sm dark:border-slate-800 dark:bg-slate-900">
      <div className="flex items-start justify-between gap-3">
        <Heading className="min-w-0 break-words text-lg font-semibold leading-snug">
          <Link href={courseHref(course)} className="hover:underline">
            {course.title}
          </Link>
        </Heading>
        {done && (
          <span className="inline-flex shrink-0 items-center gap-1 rounded-full bg-emerald-100 px-2 py-0.5 text-xs font-semibold text-emerald-900 dark:bg-emerald-900 dark:text-emerald-50">
            <CheckCircle2 aria-hidden="true" className="h-3.5 w-3.5" />
            Completed
          </span>
        )}
      </div>
      <p className="text-sm text-slate-600 dark:text-slate-300">
        {course.instructorName ? `by ${course.instructorName} · ` : ""}
        {plural(course.totalLessons, "lesson")}
      </p>
      <ProgressBar value={course.progress} label={`Progress in ${course.title}`} />
      <p className="mt-auto flex flex-wrap gap-2 pt-1">
        <Link href={continueHref(course)} className={done ? buttonStyles.secondary : buttonStyles.primary}>
          <PlayCircle aria-hidden="true" className="h-4 w-4" />
          {continueLabel(course)}
          <span className="sr-only"> {course.title}</span>
        </Link>
        {course.certificateCode && (
          <Link href={`/certificates/${course.certificateCode}`} className={buttonStyles.primary}>
            <Award aria-hidden="true" className="h-4 w-4" />
            Certificate
            <span className="sr-only"> of {course.title}</span>
          </Link>
        )}
      </p>
    </article>
  );
}

export function EnrolledCourseList({ courses, label, headingLevel }: { courses: EnrolledCourse[]; label: string; headingLevel?: 2 | 3 }) {
  return (
    <ul aria-label={label} className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
      {courses.map((course) => (
        <li key={course.courseId}>
          <EnrolledCourseCard course={course} headingLevel={headingLevel} />
        </li>
      ))}
    </ul>
  );
}
