import "server-only";
import type { Viewer } from "@/lib/auth/viewer";
import { AppError } from "@/lib/http/errors";
import type { UploadKind } from "@/lib/validation/file-types";
import { discardUpload } from "./discard-upload";
import { type MultipartPlan, type SinglePlan, signTransfer } from "./transfer-plan";
import { requireOwnUpload } from "./upload-access";

export type UploadState = {
  uploadId: string;
  kind: UploadKind;
  status: "pending" | "completed" | "aborted";
  fileName: string;
  contentType: string;
  size: number;
  expiresAt: string;
} & { single?: SinglePlan; multipart?: MultipartPlan };

/**
 * An upload of the viewer as it stands, for resuming after a page reload: while it is pending, fresh signed
 * URLs for what storage does not hold yet (for a multipart upload, the missing parts; `done` lists the others).
 */
export async function getUpload(viewer: Viewer | null, uploadId: string): Promise<UploadState> {
  const session = await requireOwnUpload(viewer, uploadId);
  const expired = session.status === "pending" && session.expiresAt.getTime() <= Date.now();
  const state: UploadState = {
    uploadId: session.id,
    kind: session.kind,
    status: expired ? "aborted" : session.status,
    fileName: session.fileName,
    contentType: session.contentType,
    size: session.declaredSize,
    expiresAt: session.expiresAt.toISOString(),
  };
  if (state.status !== "pending") return state;
  return { ...state, ...(await signTransfer(session)) };
}

/** Cancels a pending upload: its parts and object are removed and it can no longer complete. Cancelling twice is fine. */
export async function cancelUpload(viewer: Viewer | null, uploadId: string): Promise<{ uploadId: string; status: "aborted" }> {
  const session = await requireOwnUpload(viewer, uploadId);
  if (session.status === "completed") {
    throw new AppError("CONFLICT", "This upload is already attached. Remove the file instead.");
  }
  if (session.status === "pending") await discardUpload(session);
  return { uploadId: session.id, status: "aborted" };
}
