import { NextResponse } from "next/server";
import { route } from "@/app/_http/route";
import { listMutes } from "@/lib/discussions/moderation";
import { courseParams } from "@/lib/validation/ids";

/** The members muted in the course's discussions, for its moderators. */
export const GET = route({ access: "user", params: courseParams }, async ({ viewer, params }) =>
  NextResponse.json(await listMutes(viewer, params.courseId), { headers: { "cache-control": "private, no-store" } }),
);
