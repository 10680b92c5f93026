import { NextResponse } from "next/server";
import { route } from "@/app/_http/route";
import { deleteCategory, renameCategory } from "@/lib/categories/manage-categories";
import { categorySchema } from "@/lib/validation/category";
import { categoryParams } from "@/lib/validation/ids";

/** Admins: { name } renames the category, on its courses too. */
export const PATCH = route({ access: ["ADMIN"], params: categoryParams, body: categorySchema }, async ({ viewer, params, body }) =>
  NextResponse.json({ category: await renameCategory(viewer, params.categoryId, body.name) }),
);

/** Admins: deletes a category no course is filed under (204); one with courses is a 409. */
export const DELETE = route({ access: ["ADMIN"], params: categoryParams }, async ({ viewer, params }) => {
  await deleteCategory(viewer, params.categoryId);
  return new Response(null, { status: 204 });
});
