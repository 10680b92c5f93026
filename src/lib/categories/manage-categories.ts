import "server-only";
import { and, asc, count, eq, ne, sql } from "drizzle-orm";
import { requireRoleOf, type Viewer } from "@/lib/auth/viewer";
import { catalogChanged } from "@/lib/courses/search-catalog";
import { db, type Transaction } from "@/lib/db/client";
import { categories, courses } from "@/lib/db/schema";
import { AppError } from "@/lib/http/errors";

/**
 * Categories are a short list admins keep, so that the catalog's filter does not fill with spelling variants. A
 * course's category column refers to a category's name: renaming a category renames it on its courses (ON UPDATE
 * CASCADE), and a category that still has courses cannot be deleted (ON DELETE RESTRICT) — merge it instead.
 */

export type CategoryRow = { id: string; name: string; courses: number };

/** Every category's name, A to Z: what course forms offer. */
export async function listCategoryNames(): Promise<string[]> {
  const rows = await db.select({ name: categories.name }).from(categories).orderBy(asc(categories.name));
  return rows.map((r) => r.name);
}

/** Admins: every category with how many courses (published or not) it holds. */
export async function listCategories(viewer: Viewer | null): Promise<CategoryRow[]> {
  requireRoleOf(viewer, "ADMIN");
  return db
    .select({ id: categories.id, name: categories.name, courses: count(courses.id) })
    .from(categories)
    .leftJoin(courses, eq(courses.category, categories.name))
    .groupBy(categories.id)
    .orderBy(asc(categories.name));
}

const taken = (name: string) =>
  new AppError("CONFLICT", `There is already a category called ${name}.`, { fields: { name: "This name is taken." } });

/** Names are unique whatever their case: "data" next to "Data" is the variant the list exists to prevent. */
async function assertNameFree(executor: Transaction | typeof db, name: string, except?: string) {
  const [clash] = await executor
    .select({ name: categories.name })
    .from(categories)
    .where(and(sql`lower(${categories.name}) = lower(${name})`, except ? ne(categories.id, except) : undefined));
  if (clash) throw taken(clash.name);
}

export async function createCategory(viewer: Viewer | null, name: string): Promise<CategoryRow> {
  requireRoleOf(viewer, "ADMIN");
  return db.transaction(async (tx) => {
    await assertNameFree(tx, name);
    const [created] = await tx.insert(categories).values({ name }).returning({ id: categories.id, name: categories.name });
    return { ...created!, courses: 0 };
  });
}

async function requireCategory(executor: Transaction | typeof db, categoryId: string) {
  const [row] = await executor.select().from(categories).where(eq(categories.id, categoryId)).for("update");
  if (!row) throw new AppError("NOT_FOUND", "This category does not exist.");
  return row;
}

/** Renames a category; its courses follow (the foreign key cascades). */
export async function renameCategory(viewer: Viewer | null, categoryId: string, name: string) {
  requireRoleOf(viewer, "ADMIN");
  const renamed = await db.transaction(async (tx) => {
    await requireCategory(tx, categoryId);
    await assertNameFree(tx, name, categoryId);
    const [row] = await tx.update(categories).set({ name }).where(eq(categories.id, categoryId)).returning();
    return row!;
  });
  catalogChanged();
  return { id: renamed.id, name: renamed.name };
}

/** Moves every course of one category into another, then removes the first, in one transaction. */
export async function mergeCategory(viewer: Viewer | null, categoryId: string, intoId: string) {
  requireRoleOf(viewer, "ADMIN");
  if (categoryId === intoId)
    throw new AppError("VALIDATION_FAILED", "Choose another category to merge into.", { fields: { into: "Choose another category." } });
  const result = await db.transaction(async (tx) => {
    const from = await requireCategory(tx, categoryId);
    const into = await requireCategory(tx, intoId);
    const moved = await tx
      .update(courses)
      .set({ category: into.name, updatedAt: new Date() })
      .where(eq(courses.category, from.name))
      .returning({ id: courses.id });
    await tx.delete(categories).where(eq(categories.id, from.id));
    return { into: { id: into.id, name: into.name }, moved: moved.length };
  });
  catalogChanged();
  return result;
}

/** Deletes a category no course is filed under; one with courses is a 409 that says to merge it. */
export async function deleteCategory(viewer: Viewer | null, categoryId: string) {
  requireRoleOf(viewer, "ADMIN");
  await db.transaction(async (tx) => {
    const category = await requireCategory(tx, categoryId);
    const [{ n } = { n: 0 }] = await tx.select({ n: count() }).from(courses).where(eq(courses.category, category.name));
    if (n > 0) {
      throw new AppError(
        "CONFLICT",
        `${category.name} still has ${n} course${n === 1 ? "" : "s"}. Merge it into another category instead.`,
      );
    }
    await tx.delete(categories).where(eq(categories.id, categoryId));
  });
}

/** For course writes: a category that is not on the list is a 400 naming the field, not a foreign-key failure. */
export async function assertCategoryExists(name: string | null | undefined) {
  if (!name) return;
  const [row] = await db.select({ name: categories.name }).from(categories).where(eq(categories.name, name));
  if (!row) {
    throw new AppError("VALIDATION_FAILED", "Choose one of the site's categories.", {
      fields: { category: "Choose one of the site's categories (an admin adds them on the Categories page)." },
    });
  }
}
