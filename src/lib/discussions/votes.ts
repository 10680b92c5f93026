import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Viewer } from "@/lib/auth/viewer";
import { db, type Transaction } from "@/lib/db/client";
import { discussionReplies, discussionReplyUpvotes, discussionThreads, discussionThreadUpvotes } from "@/lib/db/schema";
import { assertMayWrite, requireDiscussionAccess } from "./discussion-access";
import { replyOf, threadOf } from "./posts";

/**
 * Upvotes: the client says the state it wants (upvoted or not), so a repeated click changes nothing. The primary key
 * (post, user) is the "one per user": concurrent clicks insert with ON CONFLICT DO NOTHING, and only the insert or delete
 * that changed a row moves the post's count, in the same transaction.
 */
type Vote = {
  add: (tx: Transaction) => Promise<unknown[]>;
  remove: (tx: Transaction) => Promise<unknown[]>;
  bump: (tx: Transaction, delta: number) => Promise<{ upvoteCount: number }[]>;
};

function setUpvote(upvoted: boolean, vote: Vote) {
  return db.transaction(async (tx) => {
    const changed = upvoted ? await vote.add(tx) : await vote.remove(tx);
    const [row] = await vote.bump(tx, changed.length === 0 ? 0 : upvoted ? 1 : -1);
    return { upvoted, upvoteCount: row!.upvoteCount };
  });
}

export async function setThreadUpvote(viewer: Viewer | null, courseId: string, threadId: string, upvoted: boolean) {
  const access = await requireDiscussionAccess(viewer, courseId);
  assertMayWrite(access, "vote");
  await threadOf(access, threadId);
  const [v, t] = [discussionThreadUpvotes, discussionThreads];
  const userId = access.userId;
  return setUpvote(upvoted, {
    add: (tx) => tx.insert(v).values({ threadId, userId }).onConflictDoNothing().returning({ id: v.threadId }),
    remove: (tx) =>
      tx
        .delete(v)
        .where(and(eq(v.threadId, threadId), eq(v.userId, userId)))
        .returning({ id: v.threadId }),
    bump: (tx, delta) =>
      tx
        .update(t)
        .set({ upvoteCount: sql`${t.upvoteCount} + ${delta}` })
        .where(eq(t.id, threadId))
        .returning({ upvoteCount: t.upvoteCount }),
  });
}

export async function setReplyUpvote(viewer: Viewer | null, courseId: string, threadId: string, replyId: string, upvoted: boolean) {
  const access = await requireDiscussionAccess(viewer, courseId);
  assertMayWrite(access, "vote");
  await replyOf(access, await threadOf(access, threadId), replyId);
  const [v, r] = [discussionReplyUpvotes, discussionReplies];
  const userId = access.userId;
  return setUpvote(upvoted, {
    add: (tx) => tx.insert(v).values({ replyId, userId }).onConflictDoNothing().returning({ id: v.replyId }),
    remove: (tx) =>
      tx
        .delete(v)
        .where(and(eq(v.replyId, replyId), eq(v.userId, userId)))
        .returning({ id: v.replyId }),
    bump: (tx, delta) =>
      tx
        .update(r)
        .set({ upvoteCount: sql`${r.upvoteCount} + ${delta}` })
        .where(eq(r.id, replyId))
        .returning({ upvoteCount: r.upvoteCount }),
  });
}
