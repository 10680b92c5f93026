import "server-only";
import { eq } from "drizzle-orm";
import { requireSignedIn, type Viewer } from "@/lib/auth/viewer";
import { requireCourseEditor } from "@/lib/courses/course-editor-access";
import { db } from "@/lib/db/client";
import { type UploadSession, uploadSessions } from "@/lib/db/schema";
import { AppError } from "@/lib/http/errors";
import type { UploadKind } from "@/lib/validation/file-types";

const notFound = () => new AppError("NOT_FOUND", "This upload does not exist. Start it again.");

/**
 * An upload session of the viewer (an admin may act on anyone's), still on a course they may edit; a learner's file
 * for an assignment is theirs alone to go on with. Someone else's upload is a 404, as if it did not exist.
 */
export async function requireOwnUpload(viewer: Viewer | null, uploadId: string, kind?: UploadKind): Promise<UploadSession> {
  const user = requireSignedIn(viewer);
  const [session] = await db.select().from(uploadSessions).where(eq(uploadSessions.id, uploadId));
  if (!session || (kind && session.kind !== kind)) throw notFound();
  if (session.userId !== user.id && user.role !== "ADMIN") throw notFound();
  if (session.kind !== "submission") await requireCourseEditor(user, session.courseId);
  return session;
}
