import { NextResponse } from "next/server";
import { browseCatalog } from "@/lib/courses/search-catalog";
import { parseQuery, route } from "@/lib/http/handler";
import { catalogQuerySchema } from "@/lib/validation/catalog";

/** Published courses: ?q= (full-text, prefix while typing), &category=, &difficulty=, &sort=relevance|newest|title|popular, &page=. */
export const GET = route(async (request) => NextResponse.json(await browseCatalog(parseQuery(request, catalogQuerySchema))));
