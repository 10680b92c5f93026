import { NextResponse } from "next/server";
import { route } from "@/app/_http/route";
import { muteUser, unmuteUser } from "@/lib/discussions/moderation";
import { courseParams, userIdParams } from "@/lib/validation/ids";

const muteParams = courseParams.extend(userIdParams.shape);

/** Mutes the user in the course's discussions (reads no body): they read but do not post. */
export const PUT = route({ access: "user", params: muteParams }, async ({ viewer, params }) =>
  NextResponse.json(await muteUser(viewer, params.courseId, params.userId)),
);

export const DELETE = route({ access: "user", params: muteParams }, async ({ viewer, params }) =>
  NextResponse.json(await unmuteUser(viewer, params.courseId, params.userId)),
);
