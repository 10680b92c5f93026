import { randomBytes } from "node:crypto";
import { MAX_SIGNED_URL_SECONDS } from "./driver";

/**
 * Storage keys follow the reference design, plus `uploads/<upload id>/<name>`: the staging key a browser's signed PUT
 * writes before completion checks the bytes. File names are made safe: no separators, no control characters, capped.
 */

const MAX_NAME_LENGTH = 120;

export function sanitizeFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? "";
  const cleaned = base
    .normalize("NFKC")
    .replace(/[\u0000-\u001f\u007f]/g, "")
    .replace(/[^\p{L}\p{N}._ -]/gu, "-")
    .replace(/\s+/g, "-")
    .replace(/^[.-]+/, "")
    .replace(/-{2,}/g, "-");
  if (!cleaned) return "file";
  if (cleaned.length <= MAX_NAME_LENGTH) return cleaned;
  const dot = cleaned.lastIndexOf(".");
  const ext = dot > 0 && cleaned.length - dot <= 10 ? cleaned.slice(dot) : "";
  return cleaned.slice(0, MAX_NAME_LENGTH - ext.length) + ext;
}

const STAGING_ROOT = "uploads/";
const UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
const KEY_PATTERN = /^(courses|lessons)\/[0-9a-f-]{36}\/[a-z]+\/[^/\\]+$/;
/** A certificate's PDF, made on demand and kept by its code (src/lib/certificates/certificate-pdf.ts). */
const CERTIFICATE_KEY_PATTERN = /^certificates\/[0-9A-Z]{12}\.pdf$/;
const CERTIFICATES_ROOT = "certificates/";
/** A learner's file handed in with an assignment: under the lesson (deleted with it) and the learner's own folder. */
const SUBMISSION_KEY_PATTERN = /^lessons\/[0-9a-f-]{36}\/submissions\/[A-Za-z0-9_-]{1,64}\/[^/\\]+$/;
const STAGING_KEY_PATTERN = new RegExp(`^uploads/(${UUID})/[^/\\\\]+$`);

const unique = () => `${Date.now()}-${randomBytes(6).toString("hex")}`;

export const storageKeys = {
  courseThumbnail: (courseId: string, fileName: string) => `courses/${courseId}/thumbnails/${unique()}-${sanitizeFileName(fileName)}`,
  lessonVideo: (lessonId: string, fileName: string) => `lessons/${lessonId}/videos/${unique()}-${sanitizeFileName(fileName)}`,
  courseMaterial: (courseId: string, materialId: string, fileName: string) =>
    `courses/${courseId}/materials/${materialId}-${sanitizeFileName(fileName)}`,
  lessonMaterial: (lessonId: string, materialId: string, fileName: string) =>
    `lessons/${lessonId}/materials/${materialId}-${sanitizeFileName(fileName)}`,
  /** Every file one learner uploaded for one assignment. */
  learnerSubmissionsPrefix: (lessonId: string, userId: string) => `lessons/${lessonId}/submissions/${userId}/`,
  submissionFile: (lessonId: string, userId: string, fileName: string) =>
    `lessons/${lessonId}/submissions/${userId}/${unique()}-${sanitizeFileName(fileName)}`,
  /** Where the browser's one signed PUT writes; completion copies the checked object to its final key. */
  uploadStaging: (uploadId: string, fileName: string) => `${STAGING_ROOT}${uploadId}/${sanitizeFileName(fileName)}`,
  coursePrefix: (courseId: string) => `courses/${courseId}/`,
  lessonPrefix: (lessonId: string) => `lessons/${lessonId}/`,
  stagingPrefix: () => STAGING_ROOT,
  certificatePdf: (code: string) => `${CERTIFICATES_ROOT}${code}.pdf`,
  certificatesPrefix: () => CERTIFICATES_ROOT,
};

/** The upload id a staging key carries, or null for any other key. */
export function uploadIdOfStagingKey(key: string): string | null {
  return isValidKey(key) ? (STAGING_KEY_PATTERN.exec(key)?.[1] ?? null) : null;
}

/** True for keys this app makes; anything else (traversal, absolute paths) is refused by the drivers. */
export function isValidKey(key: string): boolean {
  return (
    (KEY_PATTERN.test(key) || SUBMISSION_KEY_PATTERN.test(key) || STAGING_KEY_PATTERN.test(key) || CERTIFICATE_KEY_PATTERN.test(key)) &&
    !key.split("/").some((part) => part === ".." || part === ".")
  );
}

/** Refuses to sign what no route would accept: keys of another shape, and lifetimes S3 refuses (over 7 days). */
export function assertSignable(key: string, expiresInSeconds: number): void {
  if (!isValidKey(key)) throw new Error(`Refused to sign a storage key of an unknown shape: ${key}`);
  if (!Number.isInteger(expiresInSeconds) || expiresInSeconds < 1 || expiresInSeconds > MAX_SIGNED_URL_SECONDS) {
    throw new RangeError(`A signed URL lives 1 to ${MAX_SIGNED_URL_SECONDS} seconds, not ${expiresInSeconds}`);
  }
}
