import { z } from "zod";
import { oneLine } from "./text";

export const USERS_PAGE_SIZE = 25;

export const roleSchema = z.enum(["LEARNER", "INSTRUCTOR", "ADMIN"], { error: "Choose learner, instructor or admin." });

/** /admin/users and GET /api/admin/users: search by name or e-mail, filter by role, 25 a page. */
export const userListQuerySchema = z.object({
  q: z
    .string()
    .refine(...oneLine("The search"))
    .trim()
    .max(200, "Search with at most 200 characters.")
    .optional()
    .default(""),
  role: z
    .union([roleSchema, z.literal("")])
    .optional()
    .transform((v) => v || undefined),
  page: z.coerce.number().int("Page must be a whole number.").min(1, "Page starts at 1.").max(100_000).optional().default(1),
});
export type UserListQuery = z.infer<typeof userListQuerySchema>;

export const adminUserUpdateSchema = z
  .object({ role: roleSchema.optional(), disabled: z.boolean({ error: "disabled must be true or false." }).optional() })
  .refine((v) => v.role !== undefined || v.disabled !== undefined, { error: "Send a role, disabled, or both." });
export type AdminUserUpdate = z.infer<typeof adminUserUpdateSchema>;
