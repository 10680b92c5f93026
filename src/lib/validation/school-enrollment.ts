import { z } from "zod";
import { id } from "./ids";
import { oneLine } from "./text";

/** Cohorts (admins) and enrollment by staff (a course's instructor and admins). */

export const COHORTS_PAGE_SIZE = 25;
/** How many users one request may enroll or add to a cohort; a whole class goes through a cohort. */
export const MAX_USERS_PER_REQUEST = 500;

export const cohortNameSchema = z
  .string({ error: "Give the cohort a name." })
  .refine(...oneLine("The name"))
  .trim()
  .min(1, "Give the cohort a name.")
  .max(128, "The name: use at most 128 characters.");

export const cohortSchema = z.object({ name: cohortNameSchema });

export const cohortListQuerySchema = z.object({
  q: z
    .string()
    .refine(...oneLine("The search"))
    .trim()
    .max(200, "Search with at most 200 characters.")
    .optional()
    .default(""),
  page: z.coerce.number().int("Page must be a whole number.").min(1, "Page starts at 1.").max(100_000).optional().default(1),
});
export type CohortListQuery = z.infer<typeof cohortListQuerySchema>;

/** User ids are Auth.js's: text, not necessarily a uuid. */
const userId = z.string({ error: "Not a valid user id." }).regex(/^[A-Za-z0-9_-]{1,64}$/, "Not a valid user id.");

const userIds = z
  .array(userId, { error: "Send userIds as a list of user ids." })
  .min(1, "Choose at least one user.")
  .max(MAX_USERS_PER_REQUEST, `Send at most ${MAX_USERS_PER_REQUEST} users at a time.`)
  .transform((list) => [...new Set(list)]);

export const cohortMembersSchema = z.object({ userIds });

/** An end date: an ISO date-time, or null for none. */
const endsAt = z.iso
  .datetime({ offset: true, error: "Give the end date as an ISO date and time, e.g. 2027-06-30T23:59:00Z." })
  .transform((v) => new Date(v))
  .nullable();

/** Exactly one of userIds and cohortId; endsAt applies to the enrollments this request makes. */
export const staffEnrollSchema = z
  .object({ userIds: userIds.optional(), cohortId: id.optional(), endsAt: endsAt.optional() })
  .refine((v) => (v.userIds === undefined) !== (v.cohortId === undefined), {
    error: "Send either userIds or a cohortId, not both.",
  });
export type StaffEnrollInput = z.infer<typeof staffEnrollSchema>;

export const enrollmentEndSchema = z.object({ endsAt });

export const cohortParams = z.object({ cohortId: id });
export const cohortMemberParams = cohortParams.extend({ userId });
export const courseUserParams = z.object({ courseId: id, userId });
