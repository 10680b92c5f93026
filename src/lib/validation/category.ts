import { z } from "zod";
import { id } from "./ids";
import { oneLine } from "./text";

/** The names courses are filed under: managed by admins on /admin/categories, picked from in the course form. */
export const categoryNameSchema = z
  .string({ error: "Give the category a name." })
  .refine(...oneLine("The name"))
  .trim()
  .min(1, "Give the category a name.")
  .max(128, "The name: use at most 128 characters.");

export const categorySchema = z.object({ name: categoryNameSchema });
export type CategoryInput = z.infer<typeof categorySchema>;

/** Moves every course of a category into another, then removes it. */
export const mergeCategorySchema = z.object({ into: id });
