import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { withTestDatabase } from "../../../tests/helpers/test-database";
import { insertUser } from "../../../tests/helpers/user-fixtures";
import { createCourse, updateCourse } from "@/lib/courses/manage-course";
import { db } from "@/lib/db/client";
import { categories, courses } from "@/lib/db/schema";
import { createCategory, deleteCategory, listCategories, listCategoryNames, mergeCategory, renameCategory } from "./manage-categories";

withTestDatabase();

const courseCategory = async (id: string) => (await db.select({ c: courses.category }).from(courses).where(eq(courses.id, id)))[0]!.c;

describe("categories", () => {
  it("are added by admins only, unique whatever their case, and listed A to Z with their courses", async () => {
    const admin = await insertUser({ role: "ADMIN" });
    const instructor = await insertUser({ role: "INSTRUCTOR" });
    await createCategory(admin, "Programming");
    await createCategory(admin, "Data");
    await expect(createCategory(admin, "data")).rejects.toMatchObject({
      code: "CONFLICT",
      options: { fields: { name: expect.any(String) } },
    });
    await expect(createCategory(instructor, "Art")).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(createCategory(null, "Art")).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await createCourse(instructor, { title: "Pandas", category: "Data" });
    expect(await listCategoryNames()).toEqual(["Data", "Programming"]);
    expect((await listCategories(admin)).map(({ name, courses }) => [name, courses])).toEqual([
      ["Data", 1],
      ["Programming", 0],
    ]);
  });

  it("file a course only under one that exists (400 naming the field)", async () => {
    const admin = await insertUser({ role: "ADMIN" });
    const instructor = await insertUser({ role: "INSTRUCTOR" });
    await expect(createCourse(instructor, { title: "X", category: "Nowhere" })).rejects.toMatchObject({
      code: "VALIDATION_FAILED",
      options: { fields: { category: expect.any(String) } },
    });
    await createCategory(admin, "Design");
    const course = await createCourse(instructor, { title: "X", category: "Design" });
    await expect(updateCourse(instructor, course.id, { category: "Desing" })).rejects.toMatchObject({ code: "VALIDATION_FAILED" });
    expect(await courseCategory(course.id)).toBe("Design");
  });

  it("rename on their courses, merge into another, and are deleted only when empty", async () => {
    const admin = await insertUser({ role: "ADMIN" });
    const instructor = await insertUser({ role: "INSTRUCTOR" });
    const maths = await createCategory(admin, "Maths");
    const math = await createCategory(admin, "Math");
    const a = await createCourse(instructor, { title: "Algebra", category: "Maths" });
    const b = await createCourse(instructor, { title: "Geometry", category: "Math" });

    await renameCategory(admin, maths.id, "Mathematics");
    expect(await courseCategory(a.id)).toBe("Mathematics");
    await expect(renameCategory(admin, math.id, "mathematics")).rejects.toMatchObject({ code: "CONFLICT" });

    await expect(deleteCategory(admin, math.id)).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await mergeCategory(admin, math.id, maths.id)).toEqual({ into: { id: maths.id, name: "Mathematics" }, moved: 1 });
    expect(await courseCategory(b.id)).toBe("Mathematics");
    expect(await db.select().from(categories).where(eq(categories.id, math.id))).toEqual([]);
    await expect(mergeCategory(admin, maths.id, maths.id)).rejects.toMatchObject({ code: "VALIDATION_FAILED" });

    const empty = await createCategory(admin, "Empty");
    await deleteCategory(admin, empty.id);
    expect(await listCategoryNames()).toEqual(["Mathematics"]);
    await expect(deleteCategory(admin, crypto.randomUUID())).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(renameCategory(instructor, maths.id, "X")).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
