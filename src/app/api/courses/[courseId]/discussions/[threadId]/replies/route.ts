import { NextResponse } from "next/server";
import { route } from "@/app/_http/route";
import { createReply } from "@/lib/discussions/replies";
import { createReplySchema, threadParams } from "@/lib/validation/discussions";

/** Replies { body }: 201. */
export const POST = route({ access: "user", params: threadParams, body: createReplySchema }, async ({ viewer, params, body }) =>
  NextResponse.json(await createReply(viewer, params.courseId, params.threadId, body), { status: 201 }),
);
