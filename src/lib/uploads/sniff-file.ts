import { fileTypeFromBuffer } from "file-type";
import { AppError } from "@/lib/http/errors";
import {
  ACCEPTED_TYPES,
  LEGACY_OFFICE_TYPES,
  OFFICE_OPEN_XML_TYPES,
  TEXT_TYPES,
  type UploadKind,
  formatsOf,
} from "@/lib/validation/file-types";

/** How many first bytes the sniffer reads: file-type's own sample size. */
export const SNIFF_BYTES = 4100;

export type MaterialType = "pdf" | "image" | "document" | "archive" | "text";
export type SniffedFile = { mime: string; materialType: MaterialType };

const ZIP = "application/zip";
const CFB = "application/x-cfb";

/** What file-type may answer for each kind, mapped to the type we record. Anything else is refused. */
const MATERIAL_SNIFFED: Record<string, string> = {
  "application/pdf": "application/pdf",
  "image/png": "image/png",
  "image/jpeg": "image/jpeg",
  "image/webp": "image/webp",
  "image/gif": "image/gif",
  ...Object.fromEntries(OFFICE_OPEN_XML_TYPES.map((t) => [t, t])),
  [ZIP]: ZIP,
};

const SNIFFED: Record<UploadKind, Record<string, string>> = {
  video: { "video/mp4": "video/mp4", "video/x-m4v": "video/mp4", "video/webm": "video/webm", "video/quicktime": "video/quicktime" },
  thumbnail: { "image/png": "image/png", "image/jpeg": "image/jpeg", "image/webp": "image/webp" },
  material: MATERIAL_SNIFFED,
  submission: MATERIAL_SNIFFED,
};

/** A learner's submitted file is checked as a material is. */
const isMaterialLike = (kind: UploadKind) => kind === "material" || kind === "submission";

export function materialTypeOf(mime: string): MaterialType {
  if (mime === "application/pdf") return "pdf";
  if (mime.startsWith("image/")) return "image";
  if (mime.startsWith("text/")) return "text";
  if (mime === ZIP) return "archive";
  return "document";
}

const refused = (kind: UploadKind, what: string) =>
  new AppError("UNSUPPORTED_MEDIA_TYPE", `This file's content is ${what}, which is not accepted for a ${kind}. Upload ${formatsOf(kind)}.`);

// A text file must not be a page or a drawing in disguise: browsers that sniff would run it.
const MARKUP_START = /^\s*<(!doctype\s+html|html|head|body|script|svg|\?xml)[\s>]/i;

/** UTF-8 without NUL bytes; a sample cut mid-character at its end is still text. */
function isPlainText(sample: Buffer, truncated: boolean): boolean {
  if (sample.includes(0)) return false;
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(sample, { stream: truncated });
  } catch {
    return false;
  }
  return !MARKUP_START.test(sample.toString("utf8").replace(/^\uFEFF/, ""));
}

/**
 * The file's real type from its first bytes, which must be one of the kind's whitelist whatever name or type the
 * browser declared. Office files are zip or CFB containers: a bare container counts as the declared Office type only
 * when one was declared. Text has no signature: it passes only when declared as text and the sample is UTF-8 text.
 */
export async function sniffFile(
  kind: UploadKind,
  declaredType: string,
  sample: Buffer,
  { truncated }: { truncated: boolean },
): Promise<SniffedFile> {
  const detected = await fileTypeFromBuffer(sample);
  const declared = declaredType in ACCEPTED_TYPES[kind] ? declaredType : undefined;
  if (!detected) {
    if (isMaterialLike(kind) && declared && TEXT_TYPES.includes(declared) && isPlainText(sample, truncated)) {
      return { mime: declared, materialType: "text" };
    }
    throw refused(kind, "not a recognised format");
  }
  if (isMaterialLike(kind) && declared) {
    if (detected.mime === ZIP && OFFICE_OPEN_XML_TYPES.includes(declared)) return { mime: declared, materialType: "document" };
    if (detected.mime === CFB && LEGACY_OFFICE_TYPES.includes(declared)) return { mime: declared, materialType: "document" };
  }
  const mime = SNIFFED[kind][detected.mime];
  if (!mime) throw refused(kind, `${detected.ext.toUpperCase()} (${detected.mime})`);
  return { mime, materialType: materialTypeOf(mime) };
}
