"use client";

import { DEFAULT_UPLOAD_LIMITS } from "@/lib/validation/file-types";
import { UploadField } from "./upload-field";

export type VideoUploadProps = {
  courseId: string;
  moduleId: string;
  lessonId: string;
  current: { fileName?: string; size?: number } | null;
  /** UPLOAD_MAX_VIDEO_BYTES, passed by the server page (uploadLimits().video). */
  maxBytes?: number;
};

/** The lesson's video: upload, replace (the old file is deleted once the new one is attached) or remove. */
export function VideoUpload({ courseId, moduleId, lessonId, current, maxBytes = DEFAULT_UPLOAD_LIMITS.video }: VideoUploadProps) {
  async function removeVideo(): Promise<string | null> {
    try {
      const response = await fetch(`/api/instructor/courses/${courseId}/modules/${moduleId}/lessons/${lessonId}/video`, {
        method: "DELETE",
      });
      if (response.ok) return null;
      const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
      return body?.error?.message ?? "Could not remove the video. Please try again.";
    } catch {
      return "Could not reach the server. Check your connection and try again.";
    }
  }
  return (
    <UploadField
      kind="video"
      label="Lesson video"
      maxBytes={maxBytes}
      target={{ courseId, moduleId, lessonId }}
      resumeKey={`video:${lessonId}`}
      current={current}
      onRemove={current ? removeVideo : undefined}
      successMessage="Video uploaded."
    />
  );
}
