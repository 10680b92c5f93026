import type { UploadKind } from "@/lib/validation/file-types";

/** The log scope of an upload of this kind: UPLOAD:VIDEO, UPLOAD:MATERIAL, UPLOAD:THUMBNAIL, UPLOAD:SUBMISSION. */
export const uploadScope = (kind: UploadKind) => `UPLOAD:${kind.toUpperCase()}` as `UPLOAD:${Uppercase<UploadKind>}`;
