"use client";

import { DEFAULT_UPLOAD_LIMITS } from "@/lib/validation/file-types";
import { UploadField } from "./upload-field";

export type ThumbnailUploadProps = {
  courseId: string;
  /** A signed or app URL of the current thumbnail, shown as a preview. */
  currentUrl?: string | null;
  /** UPLOAD_MAX_THUMBNAIL_BYTES, passed by the server page (uploadLimits().thumbnail). */
  maxBytes?: number;
};

/** The course's thumbnail: PNG, JPEG or WebP; a new one replaces (and deletes) the old. */
export function ThumbnailUpload({ courseId, currentUrl, maxBytes = DEFAULT_UPLOAD_LIMITS.thumbnail }: ThumbnailUploadProps) {
  return (
    <UploadField
      kind="thumbnail"
      label="Course thumbnail"
      maxBytes={maxBytes}
      target={{ courseId }}
      resumeKey={`thumbnail:${courseId}`}
      preview={
        // eslint-disable-next-line @next/next/no-img-element -- a signed storage URL, which next/image cannot optimise
        currentUrl ? <img src={currentUrl} alt="Current thumbnail" className="h-20 w-36 rounded-md object-cover" /> : null
      }
      successMessage="Thumbnail updated."
    />
  );
}
