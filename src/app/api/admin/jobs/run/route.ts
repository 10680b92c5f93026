import { NextResponse } from "next/server";
import { route } from "@/app/_http/route";
import { runScheduledJobNow } from "@/lib/jobs/admin-jobs";
import { runScheduleSchema } from "@/lib/validation/jobs";

/** Admins: a scheduled queue's job, sent now; it runs as soon as a worker is free (202). */
export const POST = route({ access: ["ADMIN"], body: runScheduleSchema }, async ({ viewer, body }) =>
  NextResponse.json({ job: await runScheduledJobNow(viewer, body) }, { status: 202 }),
);
