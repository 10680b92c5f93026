import { NextResponse } from "next/server";
import { route } from "@/app/_http/route";
import { reportPost } from "@/lib/discussions/moderation";
import { replyParams, reportSchema } from "@/lib/validation/discussions";

/** Reports the reply { reason } to the course's moderators: 201. */
export const POST = route({ access: "user", params: replyParams, body: reportSchema }, async ({ viewer, params, body }) =>
  NextResponse.json(await reportPost(viewer, params.courseId, params.threadId, params.replyId, body.reason), { status: 201 }),
);
