import { NextResponse } from "next/server";
import { route } from "@/app/_http/route";
import { listUnansweredQuestions } from "@/lib/discussions/unanswered";
import { unansweredQuerySchema } from "@/lib/validation/discussions";

/** Questions without a marked answer across the viewer's courses, oldest first: ?cursor= */
export const GET = route({ access: ["INSTRUCTOR", "ADMIN"], query: unansweredQuerySchema }, async ({ viewer, query }) =>
  NextResponse.json(await listUnansweredQuestions(viewer, query), { headers: { "cache-control": "private, no-store" } }),
);
