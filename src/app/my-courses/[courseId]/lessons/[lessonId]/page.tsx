import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { courseHref } from "@/components/course/course-href";
import { playerHref, playerPath, previewLessonHref } from "@/components/learning/learner-hrefs";
import { EnrollToOpen } from "@/components/player/enroll-to-open";
import { LessonPlayer } from "@/components/player/lesson-player";
import type { Viewer } from "@/lib/auth/viewer";
import { ENROLLMENT_ENDED_MESSAGE } from "@/lib/format";
import { AppError } from "@/lib/http/errors";
import { getMyCourse } from "@/lib/learning/course-detail";
import { getLessonForLearner } from "@/lib/learning/lesson-for-learner";
import { listMyAttempts } from "@/lib/quizzes/attempts";
import { getMySubmission } from "@/lib/assignments/submissions";
import { uploadLimits } from "@/lib/uploads";
import { AssignmentLesson } from "@/components/assignments/assignment-lesson";
import { orNotFound, requirePageUser } from "@/app/_http/page-viewer";
import { courseLessonParams, id } from "@/lib/validation/ids";
import { LessonQuestions } from "@/components/discussions/lesson-questions";

type Params = Promise<{ courseId: string; lessonId: string }>;

/**
 * Course and lesson, once per request (the metadata and the page share it); null when the user must enroll first. An
 * editor who is not enrolled has no progress here: they are sent to the preview, which shows the same lesson.
 */
const loadLesson = cache(async (viewer: Viewer, courseId: string, lessonId: string) => {
  const course = await orNotFound(
    getMyCourse(viewer, courseId, lessonId).catch((error: unknown) => {
      // A published course the user is not enrolled in (the API's 403) says how to get in; anything else unseen is a 404.
      if (error instanceof AppError && error.code === "FORBIDDEN") return null;
      throw error;
    }),
  );
  if (!course) return null;
  if (course.preview) redirect(previewLessonHref(courseId, lessonId));
  const lesson = await orNotFound(getLessonForLearner(viewer, courseId, lessonId));
  // A quiz's settings and the learner's attempts (an attempt left open past its deadline is graded on the way).
  const quiz = lesson.lesson.kind === "quiz" ? await listMyAttempts(viewer, courseId, lessonId) : undefined;
  // An assignment's instructions and the learner's submission, its files with fresh signed URLs.
  const assignment = lesson.lesson.kind === "assignment" ? await getMySubmission(viewer, courseId, lessonId) : undefined;
  return { course, lesson, quiz, assignment };
});

async function parse(params: Params) {
  const parsed = courseLessonParams.safeParse(await params);
  if (!parsed.success) notFound();
  return parsed.data;
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { courseId, lessonId } = await parse(params);
  const viewer = await requirePageUser(playerHref(courseId, lessonId));
  const loaded = await loadLesson(viewer, courseId, lessonId);
  return { title: loaded ? `${loaded.lesson.lesson.title} · ${loaded.course.course.title}` : "Enroll to open this lesson" };
}

export default async function LessonPlayerPage({
  params,
  searchParams,
}: {
  params: Params;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { courseId, lessonId } = await parse(params);
  const viewer = await requirePageUser(playerHref(courseId, lessonId));
  const loaded = await loadLesson(viewer, courseId, lessonId);
  if (!loaded) return <EnrollToOpen courseId={courseId} />;
  const { course: my, lesson: current, quiz, assignment } = loaded;
  const certificate = my.certificateEnabled ?? false;
  // Counted in the course's content query (the page stays at three SQL statements); the panel lists what the viewer sees.
  const questionCount = my.questionCount ?? 0;
  const thread = id.safeParse((await searchParams).thread);
  return (
    <>
      {my.enrollment?.ended && (
        <p
          role="note"
          className="mb-4 rounded-lg border border-amber-400 bg-amber-50 p-3 text-amber-950 dark:border-amber-600 dark:bg-amber-950 dark:text-amber-100"
        >
          {ENROLLMENT_ENDED_MESSAGE}
        </p>
      )}
      <LessonPlayer
        mode="learner"
        course={{ id: courseId, title: my.course.title, href: courseHref(my.course) }}
        lessonPath={playerPath(courseId)}
        curriculum={my.curriculum}
        progress={my.enrollment?.progress ?? 0}
        courseMaterials={my.materials}
        lesson={current.lesson}
        lessonMaterials={current.materials}
        videoPosition={current.videoPosition}
        quiz={quiz}
        assignment={
          assignment && (
            <AssignmentLesson
              courseId={courseId}
              lessonId={lessonId}
              instructions={assignment.assignment.instructions}
              assignment={assignment.assignment}
              submission={assignment.submission}
              serverMaxBytes={uploadLimits().submission}
            />
          )
        }
        questions={
          <LessonQuestions
            courseId={courseId}
            lessonId={lessonId}
            count={questionCount}
            threadId={thread.success ? thread.data : null}
            boardHref={`/my-courses/${courseId}/discussions`}
          />
        }
        exit={{ href: "/my-courses", label: "Back to My courses" }}
        certificate={certificate}
      />
    </>
  );
}
