import "server-only";
import { asc, eq } from "drizzle-orm";
import { cache } from "react";
import { db } from "@/lib/db/client";
import { courseMaterials } from "@/lib/db/schema";

/**
 * Every material of a course, the course's own (lessonId null) and its lessons', oldest first, in one query once per
 * request: the player shows the course's and the current lesson's from the same read. Callers check access first.
 */
export const materialsOfCourse = cache(async (courseId: string) =>
  db
    .select({
      id: courseMaterials.id,
      lessonId: courseMaterials.lessonId,
      fileName: courseMaterials.fileName,
      fileSize: courseMaterials.fileSize,
      fileType: courseMaterials.fileType,
    })
    .from(courseMaterials)
    .where(eq(courseMaterials.courseId, courseId))
    .orderBy(asc(courseMaterials.createdAt)),
);

/** The materials of one lesson (or, for null, of the course itself), without the lessonId they were picked by. */
export function materialsOf(all: Awaited<ReturnType<typeof materialsOfCourse>>, lessonId: string | null) {
  return all.filter((m) => m.lessonId === lessonId).map(({ id, fileName, fileSize, fileType }) => ({ id, fileName, fileSize, fileType }));
}
