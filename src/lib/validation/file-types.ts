import { formatBytes } from "@/lib/format";
/**
 * What each kind of upload accepts, shared by the upload components (checked before a byte is sent) and the server
 * (checked again at start, then against the file's own first bytes at completion). The limits come from src/env.ts on
 * the server; pages pass them to the components as props.
 */

export const UPLOAD_KINDS = ["video", "material", "thumbnail", "submission"] as const;
export type UploadKind = (typeof UPLOAD_KINDS)[number];
export type UploadLimits = Record<UploadKind, number>;

const MiB = 1024 ** 2;
const GiB = 1024 ** 3;

/** The defaults of UPLOAD_MAX_*_BYTES in src/env.ts; a learner's submitted file is held to the material limit (and its assignment's own). */
export const DEFAULT_UPLOAD_LIMITS: UploadLimits = { video: 4 * GiB, material: 200 * MiB, thumbnail: 5 * MiB, submission: 200 * MiB };

const OOXML = {
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  pptx: "application/vnd.openxmlformats-officedocument.presentationml.presentation",
} as const;

/** What a course material may be; a learner's file handed in with an assignment may be the same (each assignment may narrow it). */
const MATERIAL_TYPES: Record<string, string[]> = {
  "application/pdf": [".pdf"],
  "image/png": [".png"],
  "image/jpeg": [".jpg", ".jpeg"],
  "image/webp": [".webp"],
  "image/gif": [".gif"],
  [OOXML.docx]: [".docx"],
  [OOXML.xlsx]: [".xlsx"],
  [OOXML.pptx]: [".pptx"],
  "application/msword": [".doc"],
  "application/vnd.ms-excel": [".xls"],
  "application/vnd.ms-powerpoint": [".ppt"],
  "application/zip": [".zip"],
  "application/x-zip-compressed": [".zip"],
  "text/plain": [".txt"],
  "text/markdown": [".md", ".markdown"],
  "text/csv": [".csv"],
};

/** Declared MIME type → the extensions a file of it may have; the keys are each kind's whitelist. */
export const ACCEPTED_TYPES: Record<UploadKind, Record<string, string[]>> = {
  video: { "video/mp4": [".mp4", ".m4v"], "video/webm": [".webm"], "video/quicktime": [".mov"] },
  material: MATERIAL_TYPES,
  thumbnail: { "image/png": [".png"], "image/jpeg": [".jpg", ".jpeg"], "image/webp": [".webp"] },
  submission: MATERIAL_TYPES,
};

export const OFFICE_OPEN_XML_TYPES: readonly string[] = Object.values(OOXML);
export const LEGACY_OFFICE_TYPES: readonly string[] = ["application/msword", "application/vnd.ms-excel", "application/vnd.ms-powerpoint"];
export const TEXT_TYPES: readonly string[] = ["text/plain", "text/markdown", "text/csv"];

const MATERIAL_FORMATS =
  "PDF, an image (PNG, JPEG, WebP, GIF), a Word, Excel or PowerPoint document, a ZIP archive or plain text (TXT, MD, CSV)";

const KIND_NOUNS: Record<UploadKind, { one: string; many: string; formats: string }> = {
  video: { one: "video", many: "Videos", formats: "MP4, WebM or MOV" },
  material: { one: "material", many: "Materials", formats: MATERIAL_FORMATS },
  thumbnail: { one: "thumbnail", many: "Thumbnails", formats: "PNG, JPEG or WebP" },
  submission: { one: "submission", many: "Submitted files", formats: MATERIAL_FORMATS },
};

export function formatsOf(kind: UploadKind): string {
  return KIND_NOUNS[kind].formats;
}

/** The `accept` attribute of a file input for this kind: types and extensions. */
export function acceptAttribute(kind: UploadKind): string {
  const types = ACCEPTED_TYPES[kind];
  return [...new Set([...Object.keys(types), ...Object.values(types).flat()])].join(",");
}

/** "text/plain; charset=utf-8" → "text/plain". */
export const normalizeType = (type: string) => type.split(";")[0]!.trim().toLowerCase();

const extensionOf = (name: string) => {
  const dot = name.lastIndexOf(".");
  return dot > 0 ? name.slice(dot).toLowerCase() : "";
};

/**
 * The file's MIME type as the server should be told it: the browser's, or, when the browser gives none (common for
 * .md and .csv), the one its extension implies within this kind's whitelist.
 */
export function declaredTypeOf(kind: UploadKind, file: { name: string; type: string }): string {
  const type = normalizeType(file.type);
  if (type && type !== "application/octet-stream") return type;
  const ext = extensionOf(file.name);
  const match = Object.entries(ACCEPTED_TYPES[kind]).find(([, exts]) => exts.includes(ext));
  return match?.[0] ?? type;
}

export type FileRefusal = { code: "UNSUPPORTED_MEDIA_TYPE" | "PAYLOAD_TOO_LARGE" | "VALIDATION_FAILED"; message: string };

/** Why this declared file cannot be uploaded as `kind`, or null. The same words in the browser and in the API. */
export function checkDeclaredFile(
  kind: UploadKind,
  file: { type: string; size: number },
  limits: UploadLimits = DEFAULT_UPLOAD_LIMITS,
): FileRefusal | null {
  const nouns = KIND_NOUNS[kind];
  if (!(normalizeType(file.type) in ACCEPTED_TYPES[kind])) {
    return { code: "UNSUPPORTED_MEDIA_TYPE", message: `This file type is not accepted for a ${nouns.one}. Use ${nouns.formats}.` };
  }
  if (file.size <= 0) return { code: "VALIDATION_FAILED", message: "This file is empty." };
  if (file.size > limits[kind]) {
    return {
      code: "PAYLOAD_TOO_LARGE",
      message: `${nouns.many} can be at most ${formatBytes(limits[kind])}; this file is ${formatBytes(file.size)}.`,
    };
  }
  return null;
}

/** The name a user sees for an uploaded file: the original without folders or control characters, at most 255 long. */
export function displayFileName(name: string): string {
  const base = (name.split(/[\\/]/).pop() ?? "")
    .normalize("NFKC")
    .replace(/[\u0000-\u001f\u007f]/g, "")
    .trim();
  return (base || "file").slice(0, 255);
}
