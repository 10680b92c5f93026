import { NextResponse } from "next/server";
import { route } from "@/app/_http/route";
import { deleteThread, getThread, updateThread } from "@/lib/discussions/threads";
import { threadParams, updateThreadSchema } from "@/lib/validation/discussions";

const noStore = { headers: { "cache-control": "private, no-store" } };

/** The thread with its replies, oldest first. */
export const GET = route({ access: "user", params: threadParams }, async ({ viewer, params }) =>
  NextResponse.json({ thread: await getThread(viewer, params.courseId, params.threadId) }, noStore),
);

/** { title?, body? } by its author or a moderator; { pinned?, locked?, hidden? } by a moderator. */
export const PATCH = route({ access: "user", params: threadParams, body: updateThreadSchema }, async ({ viewer, params, body }) =>
  NextResponse.json(await updateThread(viewer, params.courseId, params.threadId, body)),
);

export const DELETE = route({ access: "user", params: threadParams }, async ({ viewer, params }) =>
  NextResponse.json(await deleteThread(viewer, params.courseId, params.threadId)),
);
