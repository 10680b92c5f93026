import { NextResponse } from "next/server";
import { route } from "@/app/_http/route";
import { setThreadUpvote } from "@/lib/discussions/votes";
import { threadParams, upvoteSchema } from "@/lib/validation/discussions";

/** { upvoted: true|false }: the state wanted; answers it with the count. */
export const POST = route({ access: "user", params: threadParams, body: upvoteSchema }, async ({ viewer, params, body }) =>
  NextResponse.json(await setThreadUpvote(viewer, params.courseId, params.threadId, body.upvoted)),
);
