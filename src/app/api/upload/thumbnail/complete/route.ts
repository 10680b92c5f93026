import { completeUploadRoute } from "@/lib/uploads/upload-routes";

/** Completes a thumbnail upload: size and sniffed type checked, then attached. */
export const dynamic = "force-dynamic";
export const POST = completeUploadRoute("thumbnail");
