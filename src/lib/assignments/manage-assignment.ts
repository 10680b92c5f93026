import "server-only";
import { eq } from "drizzle-orm";
import type { Viewer } from "@/lib/auth/viewer";
import { lockCourse, requireCourseEditor, requireLessonOf } from "@/lib/courses/course-editor-access";
import { db, type Transaction } from "@/lib/db/client";
import { assignments, lessons, type Assignment } from "@/lib/db/schema";
import { AppError } from "@/lib/http/errors";
import { fieldErrors } from "@/lib/http/handler";
import { assignmentSettingsSchema, type AssignmentSettings, type UpdateAssignmentSettingsInput } from "@/lib/validation/assignment";

/** Where an assignment lives: the path of its lesson in the editor. */
export type AssignmentPath = { courseId: string; moduleId: string; lessonId: string };

/** The assignment lesson in the path; a lesson of another kind, module or course is a 404. */
export async function requireAssignmentOf({ courseId, moduleId, lessonId }: AssignmentPath, executor: Transaction | typeof db = db) {
  const lesson = await requireLessonOf(courseId, moduleId, lessonId, executor);
  if (lesson.kind !== "assignment") throw new AppError("NOT_FOUND", "This lesson is not an assignment.");
  return lesson;
}

/** The settings as the editor and the API show them. */
export function assignmentSettings(row: Assignment): AssignmentSettings {
  return {
    instructions: row.instructions,
    dueAt: row.dueAt?.toISOString() ?? null,
    maxPoints: row.maxPoints,
    passingPoints: row.passingPoints,
    acceptText: row.acceptText,
    acceptFiles: row.acceptFiles,
    acceptedTypes: row.acceptedTypes,
    maxFiles: row.maxFiles,
    maxFileBytes: row.maxFileBytes,
    allowLate: row.allowLate,
  };
}

/** Its settings row, made with the defaults when missing (an assignment written by hand or by an older script). */
async function settingsRow(tx: Transaction | typeof db, lessonId: string): Promise<Assignment> {
  await tx.insert(assignments).values({ lessonId }).onConflictDoNothing();
  const [row] = await tx.select().from(assignments).where(eq(assignments.lessonId, lessonId));
  return row!;
}

/** The assignment editor's data. For the course's editors only. */
export async function getAssignmentForEditor(viewer: Viewer | null, path: AssignmentPath) {
  await requireCourseEditor(viewer, path.courseId);
  await requireAssignmentOf(path);
  const [[lesson], row] = await Promise.all([
    db.select({ title: lessons.title }).from(lessons).where(eq(lessons.id, path.lessonId)),
    settingsRow(db, path.lessonId),
  ]);
  return { lessonId: path.lessonId, title: lesson!.title, settings: assignmentSettings(row) };
}

/**
 * Changes any of the settings. The change is merged into the stored settings and checked whole (the passing points
 * within the maximum, text or files accepted), so a 400 names what would be wrong after it; nothing is written then.
 */
export async function updateAssignmentSettings(
  viewer: Viewer | null,
  path: AssignmentPath,
  input: UpdateAssignmentSettingsInput,
): Promise<AssignmentSettings> {
  await requireCourseEditor(viewer, path.courseId);
  return db.transaction(async (tx) => {
    await lockCourse(tx, path.courseId);
    await requireAssignmentOf(path, tx);
    const merged = { ...assignmentSettings(await settingsRow(tx, path.lessonId)), ...input };
    const checked = assignmentSettingsSchema.safeParse(merged);
    if (!checked.success) {
      const fields = fieldErrors(checked.error);
      throw new AppError("VALIDATION_FAILED", Object.values(fields)[0] ?? "These settings do not fit together.", { fields });
    }
    const { dueAt, ...rest } = checked.data;
    const [row] = await tx
      .update(assignments)
      .set({ ...rest, dueAt: dueAt === null ? null : new Date(dueAt), updatedAt: new Date() })
      .where(eq(assignments.lessonId, path.lessonId))
      .returning();
    return assignmentSettings(row!);
  });
}
