import { NextResponse } from "next/server";
import { route } from "@/app/_http/route";
import { reportPost } from "@/lib/discussions/moderation";
import { reportSchema, threadParams } from "@/lib/validation/discussions";

/** Reports the thread { reason } to the course's moderators: 201. */
export const POST = route({ access: "user", params: threadParams, body: reportSchema }, async ({ viewer, params, body }) =>
  NextResponse.json(await reportPost(viewer, params.courseId, params.threadId, null, body.reason), { status: 201 }),
);
