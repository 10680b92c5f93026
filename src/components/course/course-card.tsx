import Link from "next/link";
import { BookOpen, Clock } from "lucide-react";
import { CourseThumbnail } from "@/components/catalog/course-thumbnail";
import type { CourseCard as CourseCardData } from "@/lib/courses/search-catalog";
import { difficultyLabel, formatDuration, plural } from "@/lib/format";

export function CourseCard({ course, headingLevel = 3 }: { course: CourseCardData; headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const duration = formatDuration(course.estimatedDuration);
  return (
    <article className="flex h-full flex-col overflow-hidden rounded-xl border border-slate-200 bg-white shadow-sm dark:border-slate-800 dark:bg-slate-900">
      <CourseThumbnail url={course.thumbnailUrl} title={course.title} className="h-28 w-full" />
      <div className="flex flex-1 flex-col gap-2 p-4">
        <p className="flex flex-wrap gap-2 text-xs font-medium">
          {course.category && (
            <span className="rounded-full bg-slate-100 px-2 py-0.5 text-slate-800 dark:bg-slate-800 dark:text-slate-100">
              {course.category}
            </span>
          )}
          {course.difficulty && (
            <span className="rounded-full bg-indigo-50 px-2 py-0.5 text-indigo-800 dark:bg-indigo-950 dark:text-indigo-200">
              {difficultyLabel(course.difficulty)}
            </span>
          )}
        </p>
        <Heading className="text-lg font-semibold leading-snug">
          <Link href={`/courses/${course.id}`} className="hover:underline">
            {course.title}
          </Link>
        </Heading>
        {course.instructorName && <p className="text-sm text-slate-600 dark:text-slate-300">by {course.instructorName}</p>}
        <p className="mt-auto flex flex-wrap gap-4 pt-2 text-sm text-slate-600 dark:text-slate-300">
          <span className="flex items-center gap-1">
            <BookOpen aria-hidden="true" className="h-4 w-4" />
            {plural(course.totalLessons, "lesson")}
          </span>
          {duration && (
            <span className="flex items-center gap-1">
              <Clock aria-hidden="true" className="h-4 w-4" />
              {duration}
            </span>
          )}
        </p>
      </div>
    </article>
  );
}

/** Course cards in a labelled list; headingLevel fits the cards' titles under the page's own headings. */
export function CourseGrid({ courses, label, headingLevel }: { courses: CourseCardData[]; label: string; headingLevel?: 2 | 3 }) {
  return (
    <ul aria-label={label} className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
      {courses.map((course) => (
        <li key={course.id}>
          <CourseCard course={course} headingLevel={headingLevel} />
        </li>
      ))}
    </ul>
  );
}
