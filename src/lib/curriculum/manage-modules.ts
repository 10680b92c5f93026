import "server-only";
import { and, asc, eq, sql } from "drizzle-orm";
import type { Viewer } from "@/lib/auth/viewer";
import { db, type Transaction } from "@/lib/db/client";
import { lessons, modules } from "@/lib/db/schema";
import { AppError } from "@/lib/http/errors";
import { lockCourse, requireCourseEditor, requireModuleOf } from "@/lib/courses/course-editor-access";
import { recomputeCourseTotals } from "@/lib/courses/manage-course";
import { removeStoredObjects } from "@/lib/courses/remove-stored-objects";
import { stagingKeysOf } from "@/lib/uploads/staging-keys";
import { storageKeys } from "@/lib/storage/keys";
import type { ModuleInput } from "@/lib/validation/course";

const moduleFields = { id: modules.id, courseId: modules.courseId, title: modules.title, ord: modules.ord };

/** Appends a module at the end of the course. The course row is locked so two appends cannot take the same place. */
export async function createModule(viewer: Viewer | null, courseId: string, input: ModuleInput) {
  await requireCourseEditor(viewer, courseId);
  return db.transaction(async (tx) => {
    await lockCourse(tx, courseId);
    const [row] = await tx
      .insert(modules)
      .values({
        courseId,
        title: input.title,
        ord: sql`(select coalesce(max(${modules.ord}) + 1, 0) from ${modules} where ${modules.courseId} = ${courseId})`,
      })
      .returning(moduleFields);
    return row!;
  });
}

export async function updateModule(viewer: Viewer | null, courseId: string, moduleId: string, input: ModuleInput) {
  await requireCourseEditor(viewer, courseId);
  await requireModuleOf(courseId, moduleId);
  const [row] = await db
    .update(modules)
    .set({ title: input.title, updatedAt: new Date() })
    .where(and(eq(modules.id, moduleId), eq(modules.courseId, courseId)))
    .returning(moduleFields);
  return row!;
}

/** Deletes the module with its lessons; the course's order, totals and progress are fixed in the same transaction. */
export async function deleteModule(viewer: Viewer | null, courseId: string, moduleId: string) {
  await requireCourseEditor(viewer, courseId);
  const { lessonIds, staging } = await db.transaction(async (tx) => {
    await lockCourse(tx, courseId);
    await requireModuleOf(courseId, moduleId, tx);
    const gone = (await tx.select({ id: lessons.id }).from(lessons).where(eq(lessons.moduleId, moduleId))).map((l) => l.id);
    const staging = await stagingKeysOf(tx, { lessonIds: gone });
    await tx.delete(modules).where(eq(modules.id, moduleId));
    await renumberModules(tx, courseId);
    await recomputeCourseTotals(tx, courseId);
    return { lessonIds: gone, staging };
  });
  await removeStoredObjects({ keys: staging, prefixes: lessonIds.map((id) => storageKeys.lessonPrefix(id)) });
}

/** Puts the course's modules in the given order; the list must name each module of the course exactly once. */
export async function reorderModules(viewer: Viewer | null, courseId: string, moduleIds: string[]) {
  await requireCourseEditor(viewer, courseId);
  return db.transaction(async (tx) => {
    await lockCourse(tx, courseId);
    const current = await tx.select({ id: modules.id }).from(modules).where(eq(modules.courseId, courseId));
    const known = new Set(current.map((m) => m.id));
    if (moduleIds.length !== known.size || new Set(moduleIds).size !== moduleIds.length || !moduleIds.every((id) => known.has(id))) {
      throw new AppError("VALIDATION_FAILED", "The new order must list every module of the course exactly once.", {
        fields: { moduleIds: "List every module of the course exactly once." },
      });
    }
    await setOrder(tx, "modules", moduleIds);
    return tx.select(moduleFields).from(modules).where(eq(modules.courseId, courseId)).orderBy(asc(modules.ord));
  });
}

/** Sets ord = position for each id, in one statement (the unique order constraint is checked at commit). */
export async function setOrder(tx: Transaction, table: "modules" | "lessons", ids: string[], parent?: { moduleId: string }) {
  if (ids.length === 0) return;
  const values = sql.join(
    ids.map((id, index) => sql`(${id}::uuid, ${index}::int)`),
    sql`, `,
  );
  if (table === "modules") {
    await tx.execute(
      sql`update ${modules} set ord = v.ord, updated_at = now() from (values ${values}) as v(id, ord) where ${modules.id} = v.id`,
    );
  } else {
    const setParent = parent ? sql`, module_id = ${parent.moduleId}::uuid` : sql``;
    await tx.execute(
      sql`update ${lessons} set ord = v.ord${setParent}, updated_at = now() from (values ${values}) as v(id, ord) where ${lessons.id} = v.id`,
    );
  }
}

/** Closes the gaps a delete leaves: ord becomes 0..n-1 in the current order. */
export async function renumberModules(tx: Transaction, courseId: string) {
  const rows = await tx.select({ id: modules.id }).from(modules).where(eq(modules.courseId, courseId)).orderBy(asc(modules.ord));
  await setOrder(
    tx,
    "modules",
    rows.map((r) => r.id),
  );
}
