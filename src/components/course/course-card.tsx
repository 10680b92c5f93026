import Link from "next/link";
import { CourseThumbnail } from "@/components/catalog/course-thumbnail";
import { courseHref } from "@/components/course/course-href";
import type { CourseCard as CourseCardData } from "@/lib/courses/search-catalog";
import { difficultyLabel, formatDuration, plural } from "@/lib/format";

export function CourseCard({
  course,
  headingLevel = 3,
  priority = false,
}: {
  course: CourseCardData;
  headingLevel?: 2 | 3;
  /** In the first row: its picture is loaded at once, as the page's largest paint often is one. */
  priority?: boolean;
}) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const duration = formatDuration(course.estimatedDuration);
  // Styles in globals.css (.course-card*): a dozen cards render per catalog request, each sent as HTML and as RSC payload.
  return (
    <article className="course-card">
      <CourseThumbnail url={course.thumbnailUrl} title={course.title} priority={priority} className="h-28 w-full" />
      <div className="course-card-body">
        <p className="flex flex-wrap gap-2 text-xs font-medium">
          {course.category && <span className="course-card-chip">{course.category}</span>}
          {course.difficulty && <span className="course-card-chip-level">{difficultyLabel(course.difficulty)}</span>}
        </p>
        <Heading className="text-lg font-semibold leading-snug">
          {/* Not prefetched: a dozen dynamic course pages rendered ahead for every catalog view cost the server and the phone more than a click waits. */}
          <Link href={courseHref(course)} prefetch={false} className="hover:underline">
            {course.title}
          </Link>
        </Heading>
        {course.instructorName && <p className="course-card-muted">by {course.instructorName}</p>}
        <p className="course-card-meta course-card-muted">
          <span className="lessons">{plural(course.totalLessons, "lesson")}</span>
          {duration && <span className="duration">{duration}</span>}
        </p>
      </div>
    </article>
  );
}

/** Course cards in a labelled list; headingLevel fits the cards' titles under the page's own headings. */
export function CourseGrid({ courses, label, headingLevel }: { courses: CourseCardData[]; label: string; headingLevel?: 2 | 3 }) {
  return (
    <ul aria-label={label} className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
      {courses.map((course, index) => (
        <li key={course.id}>
          <CourseCard course={course} headingLevel={headingLevel} priority={index < 3} />
        </li>
      ))}
    </ul>
  );
}
