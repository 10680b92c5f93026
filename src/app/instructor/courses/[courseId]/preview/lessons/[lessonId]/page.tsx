import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { previewLessonHref, previewPath } from "@/components/learning/learner-hrefs";
import { LessonPlayer } from "@/components/player/lesson-player";
import type { Viewer } from "@/lib/auth/viewer";
import { getLessonPreview } from "@/lib/learning/lesson-preview";
import { previewQuiz } from "@/lib/quizzes/attempts-preview";
import { previewAssignment } from "@/lib/assignments/submissions";
import { uploadLimits } from "@/lib/uploads";
import { AssignmentLesson } from "@/components/assignments/assignment-lesson";
import { orNotFound, requirePageRole } from "@/app/_http/page-viewer";
import { courseLessonParams } from "@/lib/validation/ids";

type Params = Promise<{ courseId: string; lessonId: string }>;

/** One load per request, shared by the metadata and the page. */
const loadPreview = cache(async (viewer: Viewer, courseId: string, lessonId: string) => {
  const preview = await orNotFound(getLessonPreview(viewer, courseId, lessonId));
  // A quiz's questions as a learner gets them, without answers; no attempt is made.
  const quiz = preview.lesson.kind === "quiz" ? await previewQuiz(viewer, courseId, lessonId) : undefined;
  // An assignment's instructions and what learners may hand in; nothing can be handed in from here.
  const assignment = preview.lesson.kind === "assignment" ? await previewAssignment(viewer, courseId, lessonId) : undefined;
  return { ...preview, quiz: quiz && { quiz: quiz.quiz, attempts: [], previewQuestions: quiz.questions }, assignment };
});

async function parse(params: Params) {
  const parsed = courseLessonParams.safeParse(await params);
  if (!parsed.success) notFound();
  return parsed.data;
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { courseId, lessonId } = await parse(params);
  const viewer = await requirePageRole(previewLessonHref(courseId, lessonId), "INSTRUCTOR", "ADMIN");
  const { lesson, course } = await loadPreview(viewer, courseId, lessonId);
  return { title: `Preview: ${lesson.title} · ${course.title}` };
}

/** A lesson as an enrolled learner sees it, for the course's editors, before or after publishing; nothing is recorded. */
export default async function LessonPreviewPage({ params }: { params: Params }) {
  const { courseId, lessonId } = await parse(params);
  const viewer = await requirePageRole(previewLessonHref(courseId, lessonId), "INSTRUCTOR", "ADMIN");
  const preview = await loadPreview(viewer, courseId, lessonId);
  return (
    <LessonPlayer
      mode="preview"
      course={{ id: courseId, title: preview.course.title, href: previewPath(courseId) }}
      lessonPath={`${previewPath(courseId)}/lessons`}
      curriculum={preview.curriculum}
      progress={0}
      courseMaterials={preview.materials}
      lesson={preview.lesson}
      lessonMaterials={preview.lessonMaterials}
      videoPosition={0}
      quiz={preview.quiz}
      assignment={
        preview.assignment && (
          <AssignmentLesson
            courseId={courseId}
            lessonId={lessonId}
            instructions={preview.assignment.instructions}
            assignment={preview.assignment}
            submission={null}
            serverMaxBytes={uploadLimits().submission}
            preview
          />
        )
      }
      exit={{ href: `/instructor/courses/${courseId}`, label: "Back to the editor" }}
    />
  );
}
