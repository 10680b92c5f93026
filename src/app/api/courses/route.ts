import { NextResponse } from "next/server";
import { route } from "@/app/_http/route";
import { browseCatalog } from "@/lib/courses/search-catalog";
import { catalogQuerySchema } from "@/lib/validation/catalog";

/** Published courses: ?q= (full-text, prefix while typing), &category=, &difficulty=, &sort=relevance|newest|title|popular, &page=. */
export const GET = route({ access: "public", query: catalogQuerySchema }, async ({ query }) =>
  NextResponse.json(await browseCatalog(query)),
);
