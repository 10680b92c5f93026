import "server-only";
import { and, count, desc, eq, isNotNull, isNull, sql, type SQL } from "drizzle-orm";
import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db/client";
import { discussionReplies, discussionReports, discussionThreads, discussionThreadUpvotes, lessons, users } from "@/lib/db/schema";
import { AppError } from "@/lib/http/errors";
import { toPrefixTsquery } from "@/lib/validation/catalog";
import {
  DISCUSSIONS_PAGE_SIZE,
  encodeCursor,
  type CreateThreadInput,
  type ThreadCursor,
  type ThreadListQuery,
  type UpdateThreadInput,
} from "@/lib/validation/discussions";
import { assertLessonOfCourse, assertMayWrite, requireDiscussionAccess, requireModerator } from "./discussion-access";
import { notifyNewQuestion } from "./notify";
import { assertAuthorOrModerator, authorColumns, authorOf, enforcePostingLimit, exactTime, threadOf, type PostAuthor } from "./posts";
import { repliesOf, type ReplyView } from "./replies";
import { markdownToHtml, type SanitizedHtml } from "@/lib/content/markdown-html";

export type ThreadSummary = {
  id: string;
  lessonId: string | null;
  lessonTitle: string | null;
  title: string;
  /** The body's first characters, as markdown. */
  excerpt: string;
  author: PostAuthor;
  mine: boolean;
  pinned: boolean;
  locked: boolean;
  hidden: boolean;
  answered: boolean;
  upvoteCount: number;
  upvoted: boolean;
  replyCount: number;
  editedAt: Date | null;
  createdAt: Date;
};

const EXCERPT_LENGTH = 280;
const t = discussionThreads;

/** The sort's keys after `pinned`, each descending (with created_at and id last): one row comparison pages them. */
function sortKey(sort: ThreadCursor["sort"]): SQL | null {
  if (sort === "upvoted") return sql`${t.upvoteCount}`;
  if (sort === "unanswered") return sql`(${t.answerReplyId} is null)::int`;
  return null;
}

function summaryColumns(userId: string, sort: ThreadCursor["sort"]) {
  const key = sortKey(sort);
  return {
    id: t.id,
    lessonId: t.lessonId,
    lessonTitle: lessons.title,
    title: t.title,
    excerpt: sql<string>`left(${t.body}, ${EXCERPT_LENGTH})`,
    ...authorColumns,
    pinned: t.pinned,
    locked: t.locked,
    hidden: t.hidden,
    answerReplyId: t.answerReplyId,
    upvoteCount: t.upvoteCount,
    replyCount: t.replyCount,
    editedAt: t.editedAt,
    createdAt: t.createdAt,
    cursorAt: exactTime(t.createdAt),
    sortKey: key ? sql<number>`${key}`.mapWith(Number) : sql<null>`null`,
    upvoted: sql<boolean>`exists (select 1 from ${discussionThreadUpvotes} where ${discussionThreadUpvotes.threadId} = ${t.id} and ${discussionThreadUpvotes.userId} = ${userId})`,
  };
}

/**
 * A course's threads (or a lesson's, or the general board's), pinned first, then by the sort: newest, most upvoted, or
 * unanswered before answered, newest first within. Keyset pages: the cursor holds the last row's keys, so a thread posted
 * while someone pages sorts before their cursor and never shows twice or pushes another out.
 */
export async function listThreads(viewer: Viewer | null, courseId: string, query: ThreadListQuery) {
  const access = await requireDiscussionAccess(viewer, courseId);
  if (query.lessonId && query.lessonId !== "general") await assertLessonOfCourse(courseId, query.lessonId);
  const sort = query.sort ?? "newest";
  const limit = query.limit ?? DISCUSSIONS_PAGE_SIZE;
  const filters: SQL[] = [eq(t.courseId, courseId)];
  if (query.lessonId === "general") filters.push(isNull(t.lessonId));
  else if (query.lessonId) filters.push(eq(t.lessonId, query.lessonId));
  if (!access.moderator) filters.push(eq(t.hidden, false));
  if (query.filter === "unanswered") filters.push(isNull(t.answerReplyId));
  if (query.filter === "answered") filters.push(isNotNull(t.answerReplyId));
  if (query.filter === "mine") filters.push(eq(t.authorId, access.userId));
  const tsquery = query.q ? toPrefixTsquery(query.q) : null;
  if (query.q && !tsquery) return { threads: [], nextCursor: null };
  if (tsquery) filters.push(sql`${t.searchVector} @@ to_tsquery('english', ${tsquery})`);
  const key = sortKey(sort);
  const c = query.cursor;
  if (c) {
    filters.push(
      key
        ? sql`(${t.pinned}, ${key}, ${t.createdAt}, ${t.id}) < (${c.pinned}::boolean, ${c.key}::int, ${c.at}::timestamptz, ${c.id}::uuid)`
        : sql`(${t.pinned}, ${t.createdAt}, ${t.id}) < (${c.pinned}::boolean, ${c.at}::timestamptz, ${c.id}::uuid)`,
    );
  }
  const rows = await db
    .select(summaryColumns(access.userId, sort))
    .from(t)
    .leftJoin(users, eq(users.id, t.authorId))
    .leftJoin(lessons, eq(lessons.id, t.lessonId))
    .where(and(...filters))
    .orderBy(desc(t.pinned), ...(key ? [desc(key)] : []), desc(t.createdAt), desc(t.id))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    threads: page.map((r) => toSummary(r, access)),
    nextCursor:
      rows.length > limit && last
        ? encodeCursor({ sort, pinned: last.pinned, key: last.sortKey ?? null, at: last.cursorAt, id: last.id })
        : null,
  };
}

type SummaryRow = {
  id: string;
  lessonId: string | null;
  lessonTitle: string | null;
  title: string;
  excerpt: string;
  authorId: string | null;
  authorName: string | null;
  authorEmail: string | null;
  authorRole: string | null;
  pinned: boolean;
  locked: boolean;
  hidden: boolean;
  answerReplyId: string | null;
  upvoteCount: number;
  replyCount: number;
  editedAt: Date | null;
  createdAt: Date;
  upvoted: boolean;
};

function toSummary(r: SummaryRow, access: { userId: string; instructorId: string; moderator: boolean }): ThreadSummary {
  return {
    id: r.id,
    lessonId: r.lessonId,
    lessonTitle: r.lessonTitle,
    title: r.title,
    excerpt: r.excerpt,
    author: authorOf(r, access),
    mine: r.authorId !== null && r.authorId === access.userId,
    pinned: r.pinned,
    locked: r.locked,
    hidden: r.hidden,
    answered: r.answerReplyId !== null,
    upvoteCount: r.upvoteCount,
    upvoted: r.upvoted,
    replyCount: r.replyCount,
    editedAt: r.editedAt,
    createdAt: r.createdAt,
  };
}

export type ThreadView = ThreadSummary & {
  body: string;
  /** The body rendered to sanitized HTML on the server (markdownToHtml), so the browser needs no markdown parser. */
  bodyHtml: SanitizedHtml;
  answerReplyId: string | null;
  replies: (ReplyView & { bodyHtml: SanitizedHtml })[];
  /** What the viewer may do, for the UI; the functions below check again. */
  can: { reply: boolean; edit: boolean; delete: boolean; markAnswer: boolean; moderate: boolean };
};

/** One thread with its replies, oldest first (hidden ones for moderators only). */
export async function getThread(viewer: Viewer | null, courseId: string, threadId: string): Promise<ThreadView> {
  const access = await requireDiscussionAccess(viewer, courseId);
  const [row] = await db
    .select({ ...summaryColumns(access.userId, "newest"), body: t.body })
    .from(t)
    .leftJoin(users, eq(users.id, t.authorId))
    .leftJoin(lessons, eq(lessons.id, t.lessonId))
    .where(and(eq(t.id, threadId), eq(t.courseId, courseId)));
  if (!row || (row.hidden && !access.moderator)) throw new AppError("NOT_FOUND", "This question does not exist in this course.");
  const replies = await repliesOf(access, threadId);
  const mine = row.authorId !== null && row.authorId === access.userId;
  const writable = (() => {
    try {
      assertMayWrite(access);
      return true;
    } catch {
      return false;
    }
  })();
  return {
    ...toSummary(row, access),
    body: row.body,
    bodyHtml: markdownToHtml(row.body),
    answerReplyId: row.answerReplyId,
    replies: replies.map((reply) => ({ ...reply, bodyHtml: markdownToHtml(reply.body) })),
    can: {
      reply: writable && (!row.locked || access.moderator),
      edit: access.moderator || (writable && mine && !row.locked),
      delete: access.moderator || (writable && mine && row.replyCount === 0),
      markAnswer: access.moderator || mine,
      moderate: access.moderator,
    },
  };
}

/** A new question on a lesson (or the general board); the course's instructor is told. */
export async function createThread(viewer: Viewer | null, courseId: string, input: CreateThreadInput) {
  const access = await requireDiscussionAccess(viewer, courseId);
  assertMayWrite(access);
  if (input.lessonId) await assertLessonOfCourse(courseId, input.lessonId);
  await enforcePostingLimit(access);
  return db.transaction(async (tx) => {
    const [thread] = await tx
      .insert(t)
      .values({ courseId, lessonId: input.lessonId ?? null, authorId: access.userId, title: input.title, body: input.body })
      .returning({ id: t.id, createdAt: t.createdAt });
    if (access.userId !== access.instructorId)
      await notifyNewQuestion(tx, access, { id: thread!.id, lessonId: input.lessonId ?? null, title: input.title });
    return { thread: { id: thread!.id, createdAt: thread!.createdAt } };
  });
}

/**
 * Edits and moderation of a thread. Its author edits the title and body while the thread is not locked (marked
 * edited); moderators edit any, and pin, lock and hide. Hiding resolves the open reports about the thread.
 */
export async function updateThread(viewer: Viewer | null, courseId: string, threadId: string, input: UpdateThreadInput, now = new Date()) {
  const access = await requireDiscussionAccess(viewer, courseId);
  const moderating = input.pinned !== undefined || input.locked !== undefined || input.hidden !== undefined;
  return db.transaction(async (tx) => {
    const thread = await threadOf(access, threadId, tx, true);
    if (moderating) requireModerator(access);
    const editing = input.title !== undefined || input.body !== undefined;
    if (editing) {
      assertAuthorOrModerator(access, thread, "edit this question");
      assertMayWrite(access);
      if (thread.locked && !access.moderator) throw new AppError("CONFLICT", "This question is locked: it can no longer be edited.");
    }
    const [row] = await tx
      .update(t)
      .set({
        ...(input.title !== undefined ? { title: input.title } : {}),
        ...(input.body !== undefined ? { body: input.body } : {}),
        ...(editing ? { editedAt: now } : {}),
        ...(input.pinned !== undefined ? { pinned: input.pinned } : {}),
        ...(input.locked !== undefined ? { locked: input.locked } : {}),
        ...(input.hidden !== undefined ? { hidden: input.hidden } : {}),
      })
      .where(eq(t.id, threadId))
      .returning({ id: t.id, title: t.title, pinned: t.pinned, locked: t.locked, hidden: t.hidden, editedAt: t.editedAt });
    if (input.hidden) {
      await tx
        .update(discussionReports)
        .set({ resolvedAt: now, resolvedBy: access.userId })
        .where(and(eq(discussionReports.threadId, threadId), isNull(discussionReports.replyId), isNull(discussionReports.resolvedAt)));
    }
    return { thread: row! };
  });
}

/**
 * Deletes a thread and its replies. Its author may while nobody has replied (an answer others read is not taken away
 * with the question); moderators always.
 */
export async function deleteThread(viewer: Viewer | null, courseId: string, threadId: string) {
  const access = await requireDiscussionAccess(viewer, courseId);
  return db.transaction(async (tx) => {
    const thread = await threadOf(access, threadId, tx, true);
    assertAuthorOrModerator(access, thread, "delete this question");
    if (!access.moderator) {
      assertMayWrite(access);
      const [replies] = await tx.select({ n: count() }).from(discussionReplies).where(eq(discussionReplies.threadId, threadId));
      if ((replies?.n ?? 0) > 0)
        throw new AppError("CONFLICT", "This question has replies: it can no longer be deleted. You can still edit it.");
    }
    await tx.delete(t).where(eq(t.id, threadId));
    return { deleted: true };
  });
}
