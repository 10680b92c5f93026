import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { LessonEditorForm } from "@/components/curriculum/lesson-editor-form";
import { requirePageRole } from "@/lib/auth/session";
import { getLessonForEditor } from "@/lib/curriculum/manage-lessons";
import { formatBytes } from "@/lib/format";
import { orNotFound } from "@/lib/http/page-data";
import { lessonParams } from "@/lib/validation/course";

export const metadata: Metadata = { title: "Edit lesson" };

type Params = { courseId: string; moduleId: string; lessonId: string };

export default async function LessonEditorPage({ params }: { params: Promise<Params> }) {
  const parsed = lessonParams.safeParse(await params);
  if (!parsed.success) notFound();
  const { courseId, moduleId, lessonId } = parsed.data;
  const path = `/instructor/courses/${courseId}/modules/${moduleId}/lessons/${lessonId}`;
  await requirePageRole(path, "INSTRUCTOR", "ADMIN");
  const lesson = await orNotFound(getLessonForEditor(courseId, moduleId, lessonId));
  const section = "flex flex-col gap-4 rounded-xl border border-slate-200 p-4 dark:border-slate-800";
  return (
    <div className="flex flex-col gap-8">
      <p>
        <Link href={`/instructor/courses/${courseId}`} className="text-sm font-medium text-indigo-700 underline dark:text-indigo-300">
          Back to the course
        </Link>
      </p>
      <h1 className="text-3xl font-bold tracking-tight">{lesson.title}</h1>
      <section aria-labelledby="lesson-title" className={section}>
        <h2 id="lesson-title" className="text-xl font-semibold">
          Text
        </h2>
        <LessonEditorForm
          endpoint={`/api${path}`}
          initial={{ title: lesson.title, content: lesson.content, durationMinutes: lesson.durationMinutes }}
        />
      </section>
      <section aria-labelledby="video-title" className={section}>
        <h2 id="video-title" className="text-xl font-semibold">
          Video
        </h2>
        <p className="text-slate-700 dark:text-slate-300">
          {lesson.videoKey ? `A video is attached (${formatBytes(lesson.videoSize ?? 0)}).` : "No video yet."}
        </p>
      </section>
      <section aria-labelledby="materials-title" className={section}>
        <h2 id="materials-title" className="text-xl font-semibold">
          Materials
        </h2>
        {lesson.materials.length === 0 ? (
          <p className="text-slate-700 dark:text-slate-300">No materials yet.</p>
        ) : (
          <ul>
            {lesson.materials.map((m) => (
              <li key={m.id}>
                {m.fileName} ({formatBytes(m.fileSize ?? 0)})
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
