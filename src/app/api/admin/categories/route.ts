import { NextResponse } from "next/server";
import { route } from "@/app/_http/route";
import { createCategory, listCategories } from "@/lib/categories/manage-categories";
import { categorySchema } from "@/lib/validation/category";

/** Admins: every category with its number of courses. */
export const GET = route({ access: ["ADMIN"] }, async ({ viewer }) => NextResponse.json({ categories: await listCategories(viewer) }));

/** Admins: { name } adds a category (201); a name taken in any case is a 409. */
export const POST = route({ access: ["ADMIN"], body: categorySchema }, async ({ viewer, body }) =>
  NextResponse.json({ category: await createCategory(viewer, body.name) }, { status: 201 }),
);
