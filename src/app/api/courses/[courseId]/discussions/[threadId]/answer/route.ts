import { NextResponse } from "next/server";
import { route } from "@/app/_http/route";
import { markAnswer } from "@/lib/discussions/replies";
import { markAnswerSchema, threadParams } from "@/lib/validation/discussions";

/** Marks { replyId } as the answer, or takes the mark off with { replyId: null }: the asker or a moderator. */
export const POST = route({ access: "user", params: threadParams, body: markAnswerSchema }, async ({ viewer, params, body }) =>
  NextResponse.json(await markAnswer(viewer, params.courseId, params.threadId, body.replyId)),
);
