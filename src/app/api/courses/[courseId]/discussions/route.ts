import { NextResponse } from "next/server";
import { route } from "@/app/_http/route";
import { createThread, listThreads } from "@/lib/discussions/threads";
import { createThreadSchema, threadListQuerySchema } from "@/lib/validation/discussions";
import { courseParams } from "@/lib/validation/ids";

const noStore = { headers: { "cache-control": "private, no-store" } };

/** A course's questions: ?lessonId=<id>|general&filter=unanswered|answered|mine&q=&sort=newest|upvoted|unanswered&cursor=&limit= */
export const GET = route({ access: "user", params: courseParams, query: threadListQuerySchema }, async ({ viewer, params, query }) =>
  NextResponse.json(await listThreads(viewer, params.courseId, query), noStore),
);

/** Asks a question { lessonId?, title, body }: 201. */
export const POST = route({ access: "user", params: courseParams, body: createThreadSchema }, async ({ viewer, params, body }) =>
  NextResponse.json(await createThread(viewer, params.courseId, body), { status: 201 }),
);
