import { NextResponse } from "next/server";
import { route } from "@/app/_http/route";
import { setReplyUpvote } from "@/lib/discussions/votes";
import { replyParams, upvoteSchema } from "@/lib/validation/discussions";

/** { upvoted: true|false }: the state wanted; answers it with the count. */
export const POST = route({ access: "user", params: replyParams, body: upvoteSchema }, async ({ viewer, params, body }) =>
  NextResponse.json(await setReplyUpvote(viewer, params.courseId, params.threadId, params.replyId, body.upvoted)),
);
