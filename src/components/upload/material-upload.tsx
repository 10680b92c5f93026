"use client";

import { DEFAULT_UPLOAD_LIMITS } from "@/lib/validation/file-types";
import { UploadField } from "./upload-field";

export type MaterialUploadProps = {
  courseId: string;
  /** Both, for a lesson's material; neither, for the course's. */
  moduleId?: string;
  lessonId?: string;
  /** UPLOAD_MAX_MATERIAL_BYTES, passed by the server page (uploadLimits().material). */
  maxBytes?: number;
};

/** Adds a downloadable material to the course or to one lesson. */
export function MaterialUpload({ courseId, moduleId, lessonId, maxBytes = DEFAULT_UPLOAD_LIMITS.material }: MaterialUploadProps) {
  return (
    <UploadField
      kind="material"
      label={lessonId ? "Add a lesson material" : "Add a course material"}
      maxBytes={maxBytes}
      target={{ courseId, moduleId, lessonId }}
      resumeKey={`material:${lessonId ?? courseId}`}
      successMessage="Material added."
    />
  );
}
