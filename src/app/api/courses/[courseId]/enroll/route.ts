import { NextResponse } from "next/server";
import { route } from "@/app/_http/route";
import { enroll } from "@/lib/learning/enroll";
import { courseParams } from "@/lib/validation/ids";

/** Enrolls the signed-in user: 201 the first time, 200 with the same enrollment after that. */
export const POST = route({ access: "user", params: courseParams }, async ({ viewer, params }) => {
  const { enrollment, created } = await enroll(viewer, params.courseId);
  return NextResponse.json({ enrollment, created }, { status: created ? 201 : 200 });
});
