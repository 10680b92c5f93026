import { NextResponse } from "next/server";
import { route } from "@/app/_http/route";
import { listMyEnrollments } from "@/lib/learning/list-my-enrollments";

/** The signed-in user's enrollments with progress and the next lesson to open. */
export const GET = route({ access: "user" }, async ({ viewer }) => NextResponse.json({ courses: await listMyEnrollments(viewer) }));
