import { NextResponse } from "next/server";
import { route } from "@/lib/http/handler";
import { listMyEnrollments } from "@/lib/learning/list-my-enrollments";

/** The signed-in user's enrollments with progress and the next lesson to open. */
export const GET = route(async () => NextResponse.json({ courses: await listMyEnrollments() }));
