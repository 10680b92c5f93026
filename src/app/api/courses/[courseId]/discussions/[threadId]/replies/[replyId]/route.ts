import { NextResponse } from "next/server";
import { route } from "@/app/_http/route";
import { deleteReply, updateReply } from "@/lib/discussions/replies";
import { replyParams, updateReplySchema } from "@/lib/validation/discussions";

/** { body? } by its author or a moderator; { hidden? } by a moderator. */
export const PATCH = route({ access: "user", params: replyParams, body: updateReplySchema }, async ({ viewer, params, body }) =>
  NextResponse.json(await updateReply(viewer, params.courseId, params.threadId, params.replyId, body)),
);

export const DELETE = route({ access: "user", params: replyParams }, async ({ viewer, params }) =>
  NextResponse.json(await deleteReply(viewer, params.courseId, params.threadId, params.replyId)),
);
