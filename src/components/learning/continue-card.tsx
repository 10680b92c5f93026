import Link from "next/link";
import { PlayCircle } from "lucide-react";
import { ProgressBar } from "@/components/learning/progress-bar";
import { buttonStyles } from "@/components/ui/button-styles";
import { continueHref, type EnrolledCourse } from "./enrolled-course-card";
import { courseHref } from "@/components/course/course-href";

/** The dashboard's first card: the course and lesson the learner stopped at, and Continue. */
export function ContinueCard({
  course,
}: {
  course: EnrolledCourse & { nextLesson: { title: string; position: number } | null; totalLessons: number };
}) {
  return (
    <article className="flex flex-col gap-3 rounded-xl border border-indigo-200 bg-indigo-50/60 p-5 sm:flex-row sm:items-center sm:gap-6 dark:border-indigo-900 dark:bg-indigo-950/40">
      <div className="flex min-w-0 flex-1 flex-col gap-2">
        <h3 className="break-words text-xl font-semibold leading-snug">
          <Link href={courseHref(course)} className="hover:underline">
            {course.title}
          </Link>
        </h3>
        {course.nextLesson && (
          <p className="break-words text-slate-700 dark:text-slate-300">
            Lesson {course.nextLesson.position} of {course.totalLessons}: <span className="font-medium">{course.nextLesson.title}</span>
          </p>
        )}
        <div className="max-w-md">
          <ProgressBar value={course.progress} label={`Progress in ${course.title}`} />
        </div>
      </div>
      <p>
        <Link href={continueHref(course)} className={buttonStyles.primary}>
          <PlayCircle aria-hidden="true" className="h-4 w-4" />
          Continue
          <span className="sr-only"> {course.title}</span>
        </Link>
      </p>
    </article>
  );
}
