import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { CourseDetailsForm } from "@/components/course/course-details-form";
import { courseHref } from "@/components/course/course-href";
import { listCategoryNames } from "@/lib/categories/manage-categories";
import { DeleteCourseButton } from "@/components/course/delete-course-button";
import { PublishControl } from "@/components/course/publish-control";
import { CurriculumEditor } from "@/components/curriculum/curriculum-editor";
import { InviteForm } from "@/components/invitations/invite-form";
import { MaterialList } from "@/components/curriculum/material-list";
import { MaterialUpload } from "@/components/upload/material-upload";
import { ThumbnailUpload } from "@/components/upload/thumbnail-upload";
import { buttonStyles } from "@/components/ui/button-styles";
import { QuizProblems } from "@/components/quiz-editor/quiz-problems";
import { getCourseForEditor } from "@/lib/courses/get-course-for-editor";
import { getQuizProblems } from "@/lib/quizzes/quiz-readiness";
import { thumbnailUrlFor } from "@/lib/courses/thumbnail-url";
import { uploadLimits } from "@/lib/uploads";
import { DIFFICULTIES } from "@/lib/validation/course";
import { orNotFound, requirePageRole } from "@/app/_http/page-viewer";
import { courseParams } from "@/lib/validation/ids";

export const metadata: Metadata = { title: "Edit course" };

const difficultyOf = (value: string | null) =>
  (DIFFICULTIES as readonly string[]).includes(value ?? "") ? (value as (typeof DIFFICULTIES)[number]) : null;

export default async function CourseEditorPage({ params }: { params: Promise<{ courseId: string }> }) {
  const parsed = courseParams.safeParse(await params);
  if (!parsed.success) notFound();
  const { courseId } = parsed.data;
  const viewer = await requirePageRole(`/instructor/courses/${courseId}`, "INSTRUCTOR", "ADMIN");
  const [{ course, modules, materials }, categories, quizProblems] = await Promise.all([
    orNotFound(getCourseForEditor(viewer, courseId)),
    listCategoryNames(),
    orNotFound(getQuizProblems(viewer, courseId)),
  ]);
  const limits = uploadLimits();
  const thumbnailUrl = await thumbnailUrlFor(course.thumbnailKey);
  const curriculum = modules.map((m) => ({
    id: m.id,
    title: m.title,
    lessons: m.lessons.map((l) => ({
      id: l.id,
      title: l.title,
      kind: l.kind,
      durationMinutes: l.durationMinutes,
      hasVideo: l.videoKey !== null,
      materials: l.materials.length,
    })),
  }));
  const section = "flex flex-col gap-4 rounded-xl border border-slate-200 p-4 dark:border-slate-800";
  return (
    <div className="flex flex-col gap-8">
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="flex-1 text-3xl font-bold tracking-tight">{course.title}</h1>
        <Link href={`/instructor/courses/${courseId}/analytics`} className={buttonStyles.secondary}>
          Analytics
        </Link>
        <Link href={`/instructor/courses/${courseId}/enrollments`} className={buttonStyles.secondary}>
          Enrollments
        </Link>
        <Link href={`/instructor/courses/${courseId}/preview`} className={buttonStyles.secondary}>
          Preview as a learner
        </Link>
      </div>
      {viewer.id !== course.instructorId && (
        <p className="text-slate-700 dark:text-slate-300">Course by {course.instructorName}; you are editing it as an admin.</p>
      )}
      <section aria-labelledby="publish-title" className={section}>
        <h2 id="publish-title" className="text-xl font-semibold">
          Publishing
        </h2>
        <QuizProblems courseId={courseId} problems={quizProblems} published={course.isPublished} />
        <PublishControl courseId={courseId} published={course.isPublished} />
        <p className="text-slate-700 dark:text-slate-300">
          Course page:{" "}
          <Link href={courseHref(course)} className={`${buttonStyles.link} break-all`}>
            {courseHref(course)}
          </Link>
          . A new title gives it a new address; the old one keeps leading here.
        </p>
      </section>
      <section aria-labelledby="details-title" className={section}>
        <h2 id="details-title" className="text-xl font-semibold">
          Details
        </h2>
        <ThumbnailUpload courseId={courseId} currentUrl={thumbnailUrl} maxBytes={limits.thumbnail} />
        <CourseDetailsForm
          courseId={courseId}
          categories={categories}
          initial={{
            title: course.title,
            description: course.description,
            outcomes: course.outcomes,
            category: course.category,
            difficulty: difficultyOf(course.difficulty),
            estimatedDuration: course.estimatedDuration,
            selfEnrollment: course.selfEnrollment,
            certificateEnabled: course.certificateEnabled,
            certificateLine: course.certificateLine,
          }}
        />
      </section>
      <section aria-labelledby="curriculum-title" className={section}>
        <h2 id="curriculum-title" className="text-xl font-semibold">
          Curriculum
        </h2>
        <CurriculumEditor courseId={courseId} modules={curriculum} />
      </section>
      <section aria-labelledby="invite-title" className={section}>
        <h2 id="invite-title" className="text-xl font-semibold">
          Invite learners
        </h2>
        <p className="text-slate-700 dark:text-slate-300">
          Each address gets an e-mail with a link to make an account and land in this course; an address that has an account is enrolled
          straight away.
        </p>
        <InviteForm courses={[]} roles={["LEARNER"]} fixedCourseId={courseId} />
      </section>
      <section aria-labelledby="materials-title" className={section}>
        <h2 id="materials-title" className="text-xl font-semibold">
          Course materials
        </h2>
        <MaterialList materials={materials} deleteBase={`/api/instructor/courses/${courseId}/materials`} label="Course materials" />
        <MaterialUpload courseId={courseId} maxBytes={limits.material} />
      </section>
      <section aria-labelledby="danger-title" className={section}>
        <h2 id="danger-title" className="text-xl font-semibold">
          Delete
        </h2>
        <p className="text-slate-700 dark:text-slate-300">Deleting removes every module, lesson, file and enrollment of this course.</p>
        <p>
          <DeleteCourseButton
            courseId={courseId}
            title={course.title}
            backTo={viewer.role === "ADMIN" && viewer.id !== course.instructorId ? "/admin/courses" : "/instructor"}
          />
        </p>
      </section>
    </div>
  );
}
