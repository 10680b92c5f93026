import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { db, type Database, type Transaction } from "@/lib/db/client";
import { discussionReplies, discussionThreads, users } from "@/lib/db/schema";
import { AppError } from "@/lib/http/errors";
import { enforceLimits, type Limit } from "@/lib/rate-limit/rate-limit";
import type { DiscussionAccess } from "./discussion-access";

/** What the thread and reply functions share: the author's public face, the look-ups that 404, the posting limit. */

/** A member posts at most 10 times a minute and 60 times an hour (threads and replies together); moderators are not limited. */
export const postingLimits = (userId: string): Limit[] => [
  { key: `discussion-post:user:${userId}:minute`, limit: 10, windowSeconds: 60 },
  { key: `discussion-post:user:${userId}:hour`, limit: 60, windowSeconds: 3600 },
];

export async function enforcePostingLimit(access: DiscussionAccess, now = Date.now()): Promise<void> {
  if (access.moderator) return;
  await enforceLimits(postingLimits(access.userId), "posts in a short time: wait a little before posting again", now);
}

export type PostAuthor = { id: string; name: string; staff: boolean } | null;

/** The columns that name a post's author; null when their account was deleted. */
export const authorColumns = { authorId: users.id, authorName: users.name, authorEmail: users.email, authorRole: users.role };

export function authorOf(
  row: { authorId: string | null; authorName: string | null; authorEmail: string | null; authorRole: string | null },
  access: Pick<DiscussionAccess, "instructorId">,
): PostAuthor {
  if (!row.authorId) return null;
  return {
    id: row.authorId,
    // The e-mail address is not shown to other members: a nameless account is "a member".
    name: row.authorName?.trim() || "A member",
    staff: row.authorId === access.instructorId || row.authorRole === "ADMIN",
  };
}

/** Microsecond-exact text of a timestamp, for keyset cursors (a JS Date keeps milliseconds only). */
export const exactTime = (column: unknown) => sql<string>`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

export type ThreadFacts = {
  id: string;
  lessonId: string | null;
  authorId: string | null;
  hidden: boolean;
  locked: boolean;
  answerReplyId: string | null;
  title: string;
};

/** The thread, when it is the course's and the member may see it (hidden threads: moderators only); else 404. */
export async function threadOf(
  access: DiscussionAccess,
  threadId: string,
  tx: Database | Transaction = db,
  lock = false,
): Promise<ThreadFacts> {
  const query = tx
    .select({
      id: discussionThreads.id,
      lessonId: discussionThreads.lessonId,
      authorId: discussionThreads.authorId,
      hidden: discussionThreads.hidden,
      locked: discussionThreads.locked,
      answerReplyId: discussionThreads.answerReplyId,
      title: discussionThreads.title,
    })
    .from(discussionThreads)
    .where(and(eq(discussionThreads.id, threadId), eq(discussionThreads.courseId, access.courseId)));
  const [row] = lock ? await query.for("update") : await query;
  if (!row || (row.hidden && !access.moderator)) throw new AppError("NOT_FOUND", "This question does not exist in this course.");
  return row;
}

export type ReplyFacts = { id: string; threadId: string; authorId: string | null; hidden: boolean };

/** The reply, when it is the thread's and the member may see it; else 404. */
export async function replyOf(
  access: DiscussionAccess,
  thread: Pick<ThreadFacts, "id">,
  replyId: string,
  tx: Database | Transaction = db,
): Promise<ReplyFacts> {
  const [row] = await tx
    .select({
      id: discussionReplies.id,
      threadId: discussionReplies.threadId,
      authorId: discussionReplies.authorId,
      hidden: discussionReplies.hidden,
    })
    .from(discussionReplies)
    .where(and(eq(discussionReplies.id, replyId), eq(discussionReplies.threadId, thread.id)));
  if (!row || (row.hidden && !access.moderator)) throw new AppError("NOT_FOUND", "This reply does not exist in this question.");
  return row;
}

/** The author or a moderator; 403 for anyone else. */
export function assertAuthorOrModerator(access: DiscussionAccess, post: { authorId: string | null }, what: string): void {
  if (!access.moderator && post.authorId !== access.userId) throw new AppError("FORBIDDEN", `Only its author or a moderator can ${what}.`);
}
