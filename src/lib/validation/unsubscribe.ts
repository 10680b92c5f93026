import { z } from "zod";

const NOT_VALID = "This unsubscribe link is not complete: open it again from the mail.";

/** POST /api/notifications/unsubscribe?token= and the /unsubscribe page: the token of a mail's unsubscribe link. */
export const unsubscribeQuerySchema = z.object({
  token: z
    .string({ error: NOT_VALID })
    .min(20, NOT_VALID)
    .max(400, NOT_VALID)
    .regex(/^[A-Za-z0-9._-]+$/, NOT_VALID),
});
export type UnsubscribeQuery = z.infer<typeof unsubscribeQuerySchema>;
