import { z } from "zod";
import { courseParams, id } from "./ids";
import { blankToUndefined, multiLine, oneLine, queryText } from "./text";

/**
 * Questions and discussions (issue 21): what a member posts, the list's filters and sorts, moderation. The rules that need
 * the database are in src/lib/discussions.
 */

export const TITLE_MAX_LENGTH = 200;
export const BODY_MAX_LENGTH = 20_000;
export const REASON_MAX_LENGTH = 500;
export const DISCUSSIONS_PAGE_SIZE = 20;

const title = z
  .string({ error: "The title is text." })
  .refine(...oneLine("The title"))
  .trim()
  .min(1, "Give the question a title.")
  .max(TITLE_MAX_LENGTH, `The title can be at most ${TITLE_MAX_LENGTH} characters.`);
const body = (label: string) =>
  z
    .string({ error: `${label} is text.` })
    .refine(...multiLine(label))
    .trim()
    .min(1, `${label} cannot be empty.`)
    .max(BODY_MAX_LENGTH, `${label} can be at most ${BODY_MAX_LENGTH} characters.`);
const bool = (name: string) => z.boolean({ error: `${name} must be true or false.` });

export const threadParams = courseParams.extend({ threadId: id });
export const replyParams = threadParams.extend({ replyId: id });
export const reportParams = courseParams.extend({ reportId: id });

/** POST /api/courses/[courseId]/discussions: a question on a lesson, or on the course's general board without lessonId. */
export const createThreadSchema = z.object({
  lessonId: id.nullable().optional(),
  title,
  body: body("The question"),
});
export type CreateThreadInput = z.infer<typeof createThreadSchema>;

/** PATCH …/[threadId]: the author (or a moderator) edits title and body; moderators pin, lock and hide. */
export const updateThreadSchema = z
  .object({
    title: title.optional(),
    body: body("The question").optional(),
    pinned: bool("pinned").optional(),
    locked: bool("locked").optional(),
    hidden: bool("hidden").optional(),
  })
  .refine((v) => Object.values(v).some((x) => x !== undefined), { error: "Send at least one field to change." });
export type UpdateThreadInput = z.infer<typeof updateThreadSchema>;

export const createReplySchema = z.object({ body: body("The reply") });
export type CreateReplyInput = z.infer<typeof createReplySchema>;

/** PATCH …/replies/[replyId]: the author (or a moderator) edits the body; moderators hide. */
export const updateReplySchema = z
  .object({ body: body("The reply").optional(), hidden: bool("hidden").optional() })
  .refine((v) => v.body !== undefined || v.hidden !== undefined, { error: "Send at least one field to change." });
export type UpdateReplyInput = z.infer<typeof updateReplySchema>;

/** POST …/answer { replyId }: null takes the mark off. */
export const markAnswerSchema = z.object({ replyId: id.nullable() });

/** POST …/upvote { upvoted }: the state wanted, so that a repeated or concurrent click changes nothing. */
export const upvoteSchema = z.object({ upvoted: bool("upvoted") });

export const reportSchema = z.object({
  reason: z
    .string({ error: "The reason is text." })
    .refine(...multiLine("The reason"))
    .trim()
    .min(1, "Say what is wrong with the post.")
    .max(REASON_MAX_LENGTH, `The reason can be at most ${REASON_MAX_LENGTH} characters.`),
});

export const resolveReportSchema = z.object({ resolved: bool("resolved") });

export const DISCUSSION_FILTERS = ["unanswered", "answered", "mine"] as const;
export const DISCUSSION_SORTS = ["newest", "upvoted", "unanswered"] as const;
export type DiscussionSort = (typeof DISCUSSION_SORTS)[number];

/** The keys of the last row of a page, in the sort's order: an opaque string to the client. */
export type ThreadCursor = { sort: DiscussionSort; pinned: boolean; key: number | null; at: string; id: string };
const cursorSchema = z.object({
  sort: z.enum(DISCUSSION_SORTS),
  pinned: z.boolean(),
  key: z.number().int().nullable(),
  at: z.string().refine((v) => !Number.isNaN(Date.parse(v))),
  id: z.uuid(),
});
export const encodeCursor = (cursor: ThreadCursor) => Buffer.from(JSON.stringify(cursor)).toString("base64url");
const badCursor = "The cursor is the nextCursor of a previous answer.";
const cursorParam = z
  .string()
  .max(400, badCursor)
  .regex(/^[A-Za-z0-9_-]+$/, badCursor)
  .transform((v, ctx) => {
    try {
      return cursorSchema.parse(JSON.parse(Buffer.from(v, "base64url").toString("utf8")));
    } catch {
      ctx.addIssue({ code: "custom", message: badCursor });
      return z.NEVER;
    }
  });

/** GET /api/courses/[courseId]/discussions?lessonId=<id>|general&filter=&q=&sort=&cursor=&limit= */
export const threadListQuerySchema = z
  .object({
    lessonId: z.preprocess(
      blankToUndefined,
      z.union([id, z.literal("general")], { error: "lessonId is a lesson's id or general." }).optional(),
    ),
    filter: z.preprocess(blankToUndefined, z.enum(DISCUSSION_FILTERS, { error: "filter is unanswered, answered or mine." }).optional()),
    q: queryText("The search", 200),
    sort: z.preprocess(blankToUndefined, z.enum(DISCUSSION_SORTS, { error: "sort is newest, upvoted or unanswered." }).optional()),
    cursor: z.preprocess(blankToUndefined, cursorParam.optional()),
    limit: z.coerce.number().int("limit is a whole number.").min(1, "limit is 1 to 50.").max(50, "limit is 1 to 50.").optional(),
  })
  .refine((v) => !v.cursor || v.cursor.sort === (v.sort ?? "newest"), { error: badCursor, path: ["cursor"] });
export type ThreadListQuery = z.infer<typeof threadListQuerySchema>;

/** GET /api/instructor/discussions?cursor=: unanswered questions across the viewer's courses, oldest first. */
export const unansweredQuerySchema = z.object({
  cursor: z.preprocess(
    blankToUndefined,
    z
      .string()
      .regex(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z_[0-9a-f-]{36}$/, badCursor)
      .transform((v) => ({ at: v.slice(0, v.indexOf("_")), id: v.slice(v.indexOf("_") + 1) }))
      .refine((c) => !Number.isNaN(Date.parse(c.at)), badCursor)
      .optional(),
  ),
});
export type UnansweredQuery = z.infer<typeof unansweredQuerySchema>;

export const reportListQuerySchema = z.object({
  status: z.preprocess(blankToUndefined, z.enum(["open", "resolved", "all"], { error: "status is open, resolved or all." }).optional()),
});
export type ReportListQuery = z.infer<typeof reportListQuerySchema>;
