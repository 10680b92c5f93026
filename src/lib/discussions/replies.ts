import "server-only";
import { and, asc, eq, isNull, sql } from "drizzle-orm";
import type { Viewer } from "@/lib/auth/viewer";
import { db, type Database, type Transaction } from "@/lib/db/client";
import { discussionReplies, discussionReplyUpvotes, discussionReports, discussionThreads, users } from "@/lib/db/schema";
import { AppError } from "@/lib/http/errors";
import type { CreateReplyInput, UpdateReplyInput } from "@/lib/validation/discussions";
import { assertMayWrite, requireDiscussionAccess, requireModerator, type DiscussionAccess } from "./discussion-access";
import { notifyAnswerMarked, notifyNewReply } from "./notify";
import { assertAuthorOrModerator, authorColumns, authorOf, enforcePostingLimit, replyOf, threadOf, type PostAuthor } from "./posts";

export type ReplyView = {
  id: string;
  body: string;
  author: PostAuthor;
  mine: boolean;
  hidden: boolean;
  upvoteCount: number;
  upvoted: boolean;
  editedAt: Date | null;
  createdAt: Date;
};

const r = discussionReplies;

/** A thread's replies, oldest first; hidden ones only for moderators. */
export async function repliesOf(access: DiscussionAccess, threadId: string, tx: Database | Transaction = db): Promise<ReplyView[]> {
  const rows = await tx
    .select({
      id: r.id,
      body: r.body,
      ...authorColumns,
      hidden: r.hidden,
      upvoteCount: r.upvoteCount,
      editedAt: r.editedAt,
      createdAt: r.createdAt,
      upvoted: sql<boolean>`exists (select 1 from ${discussionReplyUpvotes} where ${discussionReplyUpvotes.replyId} = ${r.id} and ${discussionReplyUpvotes.userId} = ${access.userId})`,
    })
    .from(r)
    .leftJoin(users, eq(users.id, r.authorId))
    .where(and(eq(r.threadId, threadId), access.moderator ? undefined : eq(r.hidden, false)))
    .orderBy(asc(r.createdAt), asc(r.id));
  return rows.map((row) => ({
    id: row.id,
    body: row.body,
    author: authorOf(row, access),
    mine: row.authorId !== null && row.authorId === access.userId,
    hidden: row.hidden,
    upvoteCount: row.upvoteCount,
    upvoted: row.upvoted,
    editedAt: row.editedAt,
    createdAt: row.createdAt,
  }));
}

/** A reply, last in the thread; refused on a locked thread except to moderators. The asker is told. */
export async function createReply(viewer: Viewer | null, courseId: string, threadId: string, input: CreateReplyInput) {
  const access = await requireDiscussionAccess(viewer, courseId);
  assertMayWrite(access);
  const thread = await threadOf(access, threadId);
  if (thread.locked && !access.moderator) throw new AppError("CONFLICT", "This question is locked: it takes no new replies.");
  await enforcePostingLimit(access);
  return db.transaction(async (tx) => {
    const [reply] = await tx
      .insert(r)
      .values({ threadId, authorId: access.userId, body: input.body })
      .returning({ id: r.id, createdAt: r.createdAt });
    await tx
      .update(discussionThreads)
      .set({ replyCount: sql`${discussionThreads.replyCount} + 1` })
      .where(eq(discussionThreads.id, threadId));
    if (thread.authorId && thread.authorId !== access.userId) await notifyNewReply(tx, access, thread, thread.authorId);
    return { reply: reply! };
  });
}

/**
 * Edits and moderation of a reply: its author edits the body while the thread is not locked (marked edited); moderators
 * edit any and hide. Hiding takes an answer mark off the reply and resolves the open reports about it.
 */
export async function updateReply(
  viewer: Viewer | null,
  courseId: string,
  threadId: string,
  replyId: string,
  input: UpdateReplyInput,
  now = new Date(),
) {
  const access = await requireDiscussionAccess(viewer, courseId);
  return db.transaction(async (tx) => {
    const thread = await threadOf(access, threadId, tx, true);
    const reply = await replyOf(access, thread, replyId, tx);
    if (input.hidden !== undefined) requireModerator(access);
    if (input.body !== undefined) {
      assertAuthorOrModerator(access, reply, "edit this reply");
      assertMayWrite(access);
      if (thread.locked && !access.moderator)
        throw new AppError("CONFLICT", "This question is locked: its replies can no longer be edited.");
    }
    const [row] = await tx
      .update(r)
      .set({
        ...(input.body !== undefined ? { body: input.body, editedAt: now } : {}),
        ...(input.hidden !== undefined ? { hidden: input.hidden } : {}),
      })
      .where(eq(r.id, replyId))
      .returning({ id: r.id, hidden: r.hidden, editedAt: r.editedAt });
    if (input.hidden !== undefined && input.hidden !== reply.hidden) {
      // The thread's reply count is what members see: hidden replies are not in it.
      await tx
        .update(discussionThreads)
        .set({
          replyCount: sql`${discussionThreads.replyCount} + ${input.hidden ? -1 : 1}`,
          ...(input.hidden && thread.answerReplyId === replyId ? { answerReplyId: null } : {}),
        })
        .where(eq(discussionThreads.id, threadId));
    }
    if (input.hidden) {
      await tx
        .update(discussionReports)
        .set({ resolvedAt: now, resolvedBy: access.userId })
        .where(and(eq(discussionReports.replyId, replyId), isNull(discussionReports.resolvedAt)));
    }
    return { reply: row! };
  });
}

/** Deletes a reply: its author may unless it is the marked answer; moderators always (the mark goes with it). */
export async function deleteReply(viewer: Viewer | null, courseId: string, threadId: string, replyId: string) {
  const access = await requireDiscussionAccess(viewer, courseId);
  return db.transaction(async (tx) => {
    const thread = await threadOf(access, threadId, tx, true);
    const reply = await replyOf(access, thread, replyId, tx);
    assertAuthorOrModerator(access, reply, "delete this reply");
    if (!access.moderator) {
      assertMayWrite(access);
      if (thread.answerReplyId === replyId)
        throw new AppError("CONFLICT", "This reply is marked as the answer: it can no longer be deleted.");
    }
    await tx.delete(r).where(eq(r.id, replyId));
    await tx
      .update(discussionThreads)
      .set({
        ...(reply.hidden ? {} : { replyCount: sql`${discussionThreads.replyCount} - 1` }),
        ...(thread.answerReplyId === replyId ? { answerReplyId: null } : {}),
      })
      .where(eq(discussionThreads.id, threadId));
    return { deleted: true };
  });
}

/**
 * Marks a reply of the thread as its answer (or, with null, takes the mark off): the asker or a moderator. The reply's
 * author is told, unless they marked it themself.
 */
export async function markAnswer(viewer: Viewer | null, courseId: string, threadId: string, replyId: string | null) {
  const access = await requireDiscussionAccess(viewer, courseId);
  return db.transaction(async (tx) => {
    const thread = await threadOf(access, threadId, tx, true);
    if (!access.moderator && thread.authorId !== access.userId) {
      throw new AppError("FORBIDDEN", "Only the member who asked or an instructor can mark the answer.");
    }
    assertMayWrite(access, "vote");
    const reply = replyId ? await replyOf(access, thread, replyId, tx) : null;
    if (reply?.hidden) throw new AppError("CONFLICT", "A hidden reply cannot be the answer.");
    await tx.update(discussionThreads).set({ answerReplyId: replyId }).where(eq(discussionThreads.id, threadId));
    if (reply?.authorId && reply.authorId !== access.userId && thread.answerReplyId !== replyId) {
      await notifyAnswerMarked(tx, access, thread, reply.authorId);
    }
    return { answerReplyId: replyId };
  });
}
