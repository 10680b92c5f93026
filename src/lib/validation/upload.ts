import { z } from "zod";
import { UPLOAD_KINDS, type UploadKind, normalizeType } from "./file-types";
import { id } from "./ids";
import { oneLine } from "./text";

/** The upload API's requests: start (what file, for what), complete (which upload, which parts). */

const fileFields = {
  fileName: z
    .string({ error: "Give the file's name." })
    .refine(...oneLine("The file name"))
    .trim()
    .min(1, "Give the file's name.")
    .max(512, "The file name is too long."),
  contentType: z
    .string({ error: "Give the file's type." })
    .refine(...oneLine("The file type"))
    .trim()
    .min(1, "Give the file's type.")
    .max(255)
    .transform(normalizeType),
  size: z
    .number({ error: "Give the file's size in bytes." })
    .int("Give the size in whole bytes.")
    .positive("This file is empty.")
    .max(Number.MAX_SAFE_INTEGER),
};

export const startVideoUploadSchema = z.object({ courseId: id, moduleId: id, lessonId: id, ...fileFields });
export const startMaterialUploadSchema = z
  .object({ courseId: id, moduleId: id.optional(), lessonId: id.optional(), ...fileFields })
  .refine((v) => !v.lessonId || v.moduleId, { error: "Give the lesson's moduleId too.", path: ["moduleId"] });
export const startThumbnailUploadSchema = z.object({ courseId: id, ...fileFields });

/** A learner's file for an assignment (POST /api/upload/submission). */
export const startSubmissionUploadSchema = z.object({ courseId: id, lessonId: id, ...fileFields });

export const startUploadSchemas = {
  video: startVideoUploadSchema,
  material: startMaterialUploadSchema,
  thumbnail: startThumbnailUploadSchema,
  submission: startSubmissionUploadSchema,
} as const;

export type StartUploadInput<K extends UploadKind = UploadKind> = z.infer<(typeof startUploadSchemas)[K]>;

export const completeUploadSchema = z.object({
  uploadId: id,
  parts: z
    .array(
      z.object({
        partNumber: z.number().int().min(1).max(10_000),
        etag: z
          .string()
          .refine(...oneLine("An ETag"))
          .min(1)
          .max(200),
      }),
    )
    .max(10_000)
    .optional(),
});
export type CompleteUploadInput = z.infer<typeof completeUploadSchema>;

export const uploadKindParams = z.object({ kind: z.enum(UPLOAD_KINDS) });
