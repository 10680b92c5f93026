import "server-only";
import { createHash } from "node:crypto";
import { Readable } from "node:stream";
import { eq } from "drizzle-orm";
import { canViewCourse } from "@/lib/auth/course-permissions";
import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db/client";
import { courses } from "@/lib/db/schema";
import { AppError } from "@/lib/http/errors";
import { getStorage } from "@/lib/storage";
import { ACCEPTED_TYPES } from "@/lib/validation/file-types";

/**
 * A course's picture at a URL that does not expire, for link previews (Open Graph, Twitter cards): crawlers fetch it
 * long after a signed storage URL would have run out. Pages keep showing the thumbnail through signed URLs.
 */

/** Changes whenever the thumbnail is replaced (every upload has its own key), so a link preview can cache its URL for good. */
export function courseImageVersion(thumbnailKey: string): string {
  return createHash("sha256").update(thumbnailKey).digest("base64url").slice(0, 12);
}

/** The upload checked the file's bytes against its extension, so the extension tells its type. */
function typeOfKey(key: string): string {
  const extension = key.slice(key.lastIndexOf(".")).toLowerCase();
  const found = Object.entries(ACCEPTED_TYPES.thumbnail).find(([, extensions]) => extensions.includes(extension));
  return found?.[0] ?? "application/octet-stream";
}

export type CourseImage = {
  body: ReadableStream<Uint8Array>;
  contentType: string;
  size: number;
  version: string;
  /** Published courses' pictures may be cached by anyone; a draft's only by the editor's browser. */
  isPublic: boolean;
};

/** The thumbnail's bytes, for whoever may see the course; a course without one (or one they may not see) is a 404. */
export async function openCourseImage(viewer: Viewer | null, courseId: string): Promise<CourseImage> {
  const [course] = await db
    .select({ instructorId: courses.instructorId, isPublished: courses.isPublished, thumbnailKey: courses.thumbnailKey })
    .from(courses)
    .where(eq(courses.id, courseId));
  if (!course || !canViewCourse(viewer, course)) throw new AppError("NOT_FOUND", "This course does not exist.");
  const storage = getStorage();
  if (!course.thumbnailKey || !(await storage.head(course.thumbnailKey))) throw new AppError("NOT_FOUND", "This course has no picture.");
  const { body, size } = await storage.read(course.thumbnailKey);
  return {
    body: Readable.toWeb(body) as unknown as ReadableStream<Uint8Array>,
    contentType: typeOfKey(course.thumbnailKey),
    size,
    version: courseImageVersion(course.thumbnailKey),
    isPublic: course.isPublished,
  };
}
