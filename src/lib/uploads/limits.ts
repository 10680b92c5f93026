import "server-only";
import { env } from "@/env";
import type { UploadLimits } from "@/lib/validation/file-types";

/** The configured size limits, for the server and for pages to pass to the upload components. */
export function uploadLimits(): UploadLimits {
  return {
    video: env.UPLOAD_MAX_VIDEO_BYTES,
    material: env.UPLOAD_MAX_MATERIAL_BYTES,
    thumbnail: env.UPLOAD_MAX_THUMBNAIL_BYTES,
    submission: env.UPLOAD_MAX_MATERIAL_BYTES,
  };
}
