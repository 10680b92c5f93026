import { z } from "zod";
import { NOTIFICATION_KIND_NAMES } from "@/lib/notifications/kinds";

const uuid = z.uuid({ error: "Each id must be a notification's id." });

/** GET /api/notifications?unread=1&cursor=<created_at>_<id>&limit= */
export const notificationListQuerySchema = z.object({
  unread: z
    .enum(["1", "0", "true", "false"], { error: "unread is 1 or 0." })
    .optional()
    .transform((v) => v === "1" || v === "true"),
  cursor: z
    .string()
    .regex(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z_[0-9a-f-]{36}$/, "The cursor is the nextCursor of a previous answer.")
    .transform((v) => {
      const at = v.slice(0, v.indexOf("_"));
      return { at, id: v.slice(v.indexOf("_") + 1) };
    })
    .refine((c) => !Number.isNaN(Date.parse(c.at)), "The cursor is the nextCursor of a previous answer.")
    .optional(),
  limit: z.coerce.number().int("limit is a whole number.").min(0, "limit is 0 to 50.").max(50, "limit is 0 to 50.").optional().default(20),
});
export type NotificationListQuery = z.infer<typeof notificationListQuerySchema>;

/** POST /api/notifications/read: { ids } or { all: true }. */
export const readNotificationsSchema = z
  .object({
    ids: z
      .array(uuid, { error: "ids must be a list of notification ids." })
      .min(1, "Name at least one notification.")
      .max(100, "At most 100 at once.")
      .optional(),
    all: z.literal(true, { error: "all must be true." }).optional(),
  })
  .refine((v) => (v.ids === undefined) !== (v.all === undefined), { error: "Send either ids or all: true." });
export type ReadNotificationsInput = z.infer<typeof readNotificationsSchema>;

/** PUT /api/profile/notifications: { preferences: [{ kind, channel, enabled }] } */
export const notificationPreferencesSchema = z.object({
  preferences: z
    .array(
      z.object({
        kind: z
          .enum(NOTIFICATION_KIND_NAMES as [string, ...string[]], { error: "Not a kind of notification." })
          .transform((v) => v as (typeof NOTIFICATION_KIND_NAMES)[number]),
        channel: z.enum(["app", "email"], { error: "channel is app or email." }),
        enabled: z.boolean({ error: "enabled must be true or false." }),
      }),
      { error: "Send preferences as a list." },
    )
    .max(50, "At most 50 preferences at once."),
});
export type NotificationPreferencesInput = z.infer<typeof notificationPreferencesSchema>;
