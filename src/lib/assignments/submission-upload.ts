import "server-only";
import type { Viewer } from "@/lib/auth/viewer";
import { formatBytes } from "@/lib/format";
import { AppError } from "@/lib/http/errors";
import { storageKeys } from "@/lib/storage/keys";
import { checkDeclared, openUploadSession, type StartedUpload } from "@/lib/uploads/start-upload";
import type { StartUploadInput } from "@/lib/validation/upload";
import { requireActiveSubmitter, requireSubmittingOpen, submissionOf } from "./assignment-access";

/**
 * Starts the upload of a file a learner will hand in with an assignment: the enrolled learner only, while the
 * assignment takes files and accepts a hand-in (not graded; not past the due date unless late work is accepted), of a
 * type the assignment accepts (its own list, within the material whitelist) and within both its size limit and the
 * server's. The file goes under the lesson, in the learner's own folder; completion sniffs it like a material.
 */
export async function startSubmissionUpload(viewer: Viewer | null, input: StartUploadInput<"submission">): Promise<StartedUpload> {
  const submitter = await requireActiveSubmitter(viewer, input.courseId, input.lessonId);
  const { assignment } = submitter;
  if (!assignment.acceptFiles) {
    throw new AppError("CONFLICT", "This assignment takes a text answer, not files.", { fields: { fileName: "No files here." } });
  }
  requireSubmittingOpen(assignment, await submissionOf(submitter));
  checkDeclared("submission", input);
  if (assignment.acceptedTypes.length > 0 && !assignment.acceptedTypes.includes(input.contentType)) {
    const message = "This assignment does not accept this type of file.";
    throw new AppError("UNSUPPORTED_MEDIA_TYPE", message, { fields: { contentType: message } });
  }
  if (input.size > assignment.maxFileBytes) {
    const message = `Files for this assignment can be at most ${formatBytes(assignment.maxFileBytes)}; this file is ${formatBytes(input.size)}.`;
    throw new AppError("PAYLOAD_TOO_LARGE", message, { fields: { size: message } });
  }
  return openUploadSession({
    userId: submitter.userId,
    kind: "submission",
    courseId: input.courseId,
    lessonId: input.lessonId,
    key: storageKeys.submissionFile(input.lessonId, submitter.userId, input.fileName),
    fileName: input.fileName,
    contentType: input.contentType,
    size: input.size,
  });
}
