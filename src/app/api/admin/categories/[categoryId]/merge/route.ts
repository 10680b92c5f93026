import { NextResponse } from "next/server";
import { route } from "@/app/_http/route";
import { mergeCategory } from "@/lib/categories/manage-categories";
import { mergeCategorySchema } from "@/lib/validation/category";
import { categoryParams } from "@/lib/validation/ids";

/** Admins: { into } moves every course of this category into another and removes this one. */
export const POST = route({ access: ["ADMIN"], params: categoryParams, body: mergeCategorySchema }, async ({ viewer, params, body }) =>
  NextResponse.json(await mergeCategory(viewer, params.categoryId, body.into)),
);
