import { NextResponse } from "next/server";
import { route } from "@/app/_http/route";
import { retryJob } from "@/lib/jobs/admin-jobs";
import { jobParams } from "@/lib/validation/jobs";

/** Admins: a failed job goes back to its queue for one more try; its dead letter is removed. */
export const POST = route({ access: ["ADMIN"], params: jobParams }, async ({ viewer, params }) =>
  NextResponse.json({ job: await retryJob(viewer, params.jobId) }),
);
