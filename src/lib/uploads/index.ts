import "server-only";

export { startUpload, type StartedUpload } from "./start-upload";
export { completeUpload, type AttachedFile, type AttachedMaterial, type AttachedThumbnail, type AttachedVideo } from "./complete-upload";
export { cancelUpload, getUpload, type UploadState } from "./manage-upload";
export { sweepUploads } from "./sweep-uploads";
export { uploadLimits } from "./limits";
export { fileNameFromKey } from "./file-name-from-key";
