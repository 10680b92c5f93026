import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AssignmentSettingsForm } from "@/components/assignments/assignment-settings-form";
import { LessonEditorForm } from "@/components/curriculum/lesson-editor-form";
import { MaterialList } from "@/components/curriculum/material-list";
import { QuizQuestions } from "@/components/quiz-editor/quiz-questions";
import { QuizSettingsForm } from "@/components/quiz-editor/quiz-settings-form";
import { MaterialUpload } from "@/components/upload/material-upload";
import { VideoUpload } from "@/components/upload/video-upload";
import { getAssignmentForEditor } from "@/lib/assignments/manage-assignment";
import { getLessonForEditor } from "@/lib/curriculum/manage-lessons";
import { getQuizForEditor } from "@/lib/quizzes/manage-quiz";
import { fileNameFromKey, uploadLimits } from "@/lib/uploads";
import { orNotFound, requirePageRole } from "@/app/_http/page-viewer";
import { lessonParams } from "@/lib/validation/ids";

export const metadata: Metadata = { title: "Edit lesson" };

type Params = { courseId: string; moduleId: string; lessonId: string };

export default async function LessonEditorPage({ params }: { params: Promise<Params> }) {
  const parsed = lessonParams.safeParse(await params);
  if (!parsed.success) notFound();
  const { courseId, moduleId, lessonId } = parsed.data;
  const path = `/instructor/courses/${courseId}/modules/${moduleId}/lessons/${lessonId}`;
  const viewer = await requirePageRole(path, "INSTRUCTOR", "ADMIN");
  const lesson = await orNotFound(getLessonForEditor(viewer, courseId, moduleId, lessonId));
  const quiz = lesson.kind === "quiz" ? await orNotFound(getQuizForEditor(viewer, { courseId, moduleId, lessonId })) : null;
  const assignment =
    lesson.kind === "assignment" ? await orNotFound(getAssignmentForEditor(viewer, { courseId, moduleId, lessonId })) : null;
  const limits = uploadLimits();
  const section = "flex min-w-0 flex-col gap-4 rounded-xl border border-slate-200 p-4 dark:border-slate-800";
  return (
    <div className="flex flex-col gap-8">
      <p>
        <Link href={`/instructor/courses/${courseId}`} className="text-sm font-medium text-indigo-700 underline dark:text-indigo-300">
          Back to the course
        </Link>
      </p>
      <h1 className="break-words text-3xl font-bold tracking-tight">
        {quiz && <span className="sr-only">Quiz: </span>}
        {assignment && <span className="sr-only">Assignment: </span>}
        {lesson.title}
      </h1>
      <section aria-labelledby="lesson-title" className={section}>
        <h2 id="lesson-title" className="text-xl font-semibold">
          {quiz || assignment ? "Introduction" : "Text"}
        </h2>
        {quiz && <p className="text-slate-700 dark:text-slate-300">Shown to learners before they start the quiz.</p>}
        {assignment && <p className="text-slate-700 dark:text-slate-300">Shown to learners above the assignment&rsquo;s instructions.</p>}
        <LessonEditorForm
          endpoint={`/api${path}`}
          initial={{ title: lesson.title, content: lesson.content, durationMinutes: lesson.durationMinutes }}
        />
      </section>
      {quiz && (
        <>
          <section aria-labelledby="quiz-settings-title" className={section}>
            <h2 id="quiz-settings-title" className="text-xl font-semibold">
              Quiz settings
            </h2>
            <QuizSettingsForm endpoint={`/api${path}/quiz`} initial={quiz.settings} />
          </section>
          <section aria-labelledby="questions-title" className={section}>
            <h2 id="questions-title" className="text-xl font-semibold">
              Questions
            </h2>
            <QuizQuestions endpoint={`/api${path}`} questions={quiz.questions} />
          </section>
        </>
      )}
      {assignment && (
        <section aria-labelledby="assignment-settings-title" className={section}>
          <h2 id="assignment-settings-title" className="text-xl font-semibold">
            Assignment
          </h2>
          <p>
            <Link
              href={`/instructor/submissions?courseId=${courseId}&lessonId=${lessonId}`}
              className="font-medium text-indigo-700 underline dark:text-indigo-300"
            >
              Submissions to grade
            </Link>
          </p>
          <AssignmentSettingsForm url={`/api${path}/assignment`} initial={assignment.settings} />
        </section>
      )}
      {lesson.kind === "lesson" && (
        <section aria-labelledby="video-title" className={section}>
          <h2 id="video-title" className="text-xl font-semibold">
            Video
          </h2>
          <VideoUpload
            courseId={courseId}
            moduleId={moduleId}
            lessonId={lessonId}
            current={lesson.videoKey ? { fileName: fileNameFromKey(lesson.videoKey), size: lesson.videoSize ?? undefined } : null}
            maxBytes={limits.video}
          />
        </section>
      )}
      <section aria-labelledby="materials-title" className={section}>
        <h2 id="materials-title" className="text-xl font-semibold">
          {quiz || assignment ? "Handouts" : "Materials"}
        </h2>
        <MaterialList materials={lesson.materials} deleteBase={`/api${path}/materials`} label="Lesson materials" />
        <MaterialUpload courseId={courseId} moduleId={moduleId} lessonId={lessonId} maxBytes={limits.material} />
      </section>
    </div>
  );
}
