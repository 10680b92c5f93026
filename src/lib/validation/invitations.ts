import { z } from "zod";
import { roleSchema } from "./admin";
import { emailSchema, linkToken, nameSchema, newPasswordSchema } from "./auth";
import { oneLine } from "./text";

export const INVITATIONS_PAGE_SIZE = 25;
export const MAX_INVITES_PER_REQUEST = 200;
export const INVITATION_STATUSES = ["pending", "accepted", "revoked", "expired"] as const;
export type InvitationStatus = (typeof INVITATION_STATUSES)[number];

const courseIdSchema = z.uuid({ error: "Each course id must be a course's id." });

/**
 * POST /api/admin/invitations: addresses (a list, or one string of addresses separated by commas, semicolons, spaces or
 * new lines, as pasted into the form), lower-cased and with duplicates folded; a role; the courses and the cohort.
 */
export const inviteSchema = z.object({
  emails: z
    .union([z.array(z.string({ error: "Each address must be text." })), z.string()], { error: "Send the addresses to invite." })
    .transform((v) => (Array.isArray(v) ? v : [v]).flatMap((s) => s.split(/[\s,;]+/)).filter((s) => s.trim() !== ""))
    .pipe(
      z
        .array(emailSchema)
        .min(1, "Enter at least one e-mail address.")
        .transform((list) => [...new Set(list)])
        .pipe(z.array(z.string()).max(MAX_INVITES_PER_REQUEST, `Invite at most ${MAX_INVITES_PER_REQUEST} addresses at once.`)),
    ),
  role: roleSchema.optional().default("LEARNER"),
  courseIds: z
    .array(courseIdSchema, { error: "courseIds must be a list of course ids." })
    .max(50, "Choose at most 50 courses.")
    .optional()
    .default([])
    .transform((ids) => [...new Set(ids)]),
  cohortId: z.uuid({ error: "cohortId must be a cohort's id." }).nullish(),
});
export type InviteInput = z.infer<typeof inviteSchema>;

/** GET /api/admin/invitations?status=&q=&page= */
export const invitationListQuerySchema = z.object({
  status: z
    .union([z.enum(INVITATION_STATUSES, { error: "Status is pending, accepted, revoked or expired." }), z.literal("")])
    .optional()
    .transform((v) => v || undefined),
  q: z
    .string()
    .refine(...oneLine("The search"))
    .trim()
    .max(200, "Search with at most 200 characters.")
    .optional()
    .default(""),
  page: z.coerce.number().int("Page must be a whole number.").min(1, "Page starts at 1.").max(100_000).optional().default(1),
});
export type InvitationListQuery = z.infer<typeof invitationListQuerySchema>;

export const invitationParamsSchema = z.object({ invitationId: z.uuid() });

/** POST /api/invitations/accept */
export const acceptInvitationSchema = z.object({
  token: linkToken("This invitation link is not valid."),
  name: nameSchema,
  password: newPasswordSchema,
});
export type AcceptInvitationInput = z.infer<typeof acceptInvitationSchema>;
