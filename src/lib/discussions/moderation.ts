import "server-only";
import { alias } from "drizzle-orm/pg-core";
import { and, desc, eq, isNotNull, isNull, sql } from "drizzle-orm";
import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db/client";
import { discussionMutes, discussionReplies, discussionReports, discussionThreads, users } from "@/lib/db/schema";
import { AppError } from "@/lib/http/errors";
import type { ReportListQuery } from "@/lib/validation/discussions";
import { assertMayWrite, requireDiscussionAccess, requireModerator } from "./discussion-access";
import { replyOf, threadOf } from "./posts";

/**
 * Reports and mutes. Any member reports a post (a thread, or a reply with `replyId`) with a reason, once per post:
 * reporting again replaces the reason and opens the report again. The course's moderators list the reports and resolve
 * them (hiding a post resolves its reports). Moderators mute a member per course: they read but do not post.
 */
export async function reportPost(viewer: Viewer | null, courseId: string, threadId: string, replyId: string | null, reason: string) {
  const access = await requireDiscussionAccess(viewer, courseId);
  assertMayWrite(access, "vote");
  const thread = await threadOf(access, threadId);
  if (replyId) await replyOf(access, thread, replyId);
  const rp = discussionReports;
  const [row] = await db
    .insert(rp)
    .values({ courseId, threadId, replyId, reporterId: access.userId, reason })
    .onConflictDoUpdate({
      target: [rp.threadId, rp.replyId, rp.reporterId],
      set: { reason, createdAt: sql`now()`, resolvedAt: null, resolvedBy: null },
    })
    .returning({ id: rp.id });
  return { report: { id: row!.id } };
}

const reporters = alias(users, "reporters");
const postAuthors = alias(users, "post_authors");

/** A course's reports, newest first (open ones by default), with the post they are about: for its moderators. */
export async function listReports(viewer: Viewer | null, courseId: string, query: ReportListQuery) {
  const access = await requireDiscussionAccess(viewer, courseId);
  requireModerator(access);
  const rp = discussionReports;
  const status = query.status ?? "open";
  const rows = await db
    .select({
      id: rp.id,
      threadId: rp.threadId,
      replyId: rp.replyId,
      reason: rp.reason,
      createdAt: rp.createdAt,
      resolvedAt: rp.resolvedAt,
      reporterName: reporters.name,
      threadTitle: discussionThreads.title,
      threadHidden: discussionThreads.hidden,
      post: sql<string>`left(coalesce(${discussionReplies.body}, ${discussionThreads.body}), 280)`,
      postHidden: sql<boolean>`coalesce(${discussionReplies.hidden}, ${discussionThreads.hidden})`,
      postAuthorName: postAuthors.name,
    })
    .from(rp)
    .innerJoin(discussionThreads, eq(discussionThreads.id, rp.threadId))
    .leftJoin(discussionReplies, eq(discussionReplies.id, rp.replyId))
    .leftJoin(reporters, eq(reporters.id, rp.reporterId))
    .leftJoin(postAuthors, eq(postAuthors.id, sql`coalesce(${discussionReplies.authorId}, ${discussionThreads.authorId})`))
    .where(
      and(
        eq(rp.courseId, courseId),
        status === "open" ? isNull(rp.resolvedAt) : status === "resolved" ? isNotNull(rp.resolvedAt) : undefined,
      ),
    )
    .orderBy(desc(rp.createdAt), desc(rp.id))
    .limit(200);
  return { reports: rows };
}

export async function resolveReport(viewer: Viewer | null, courseId: string, reportId: string, resolved: boolean, now = new Date()) {
  const access = await requireDiscussionAccess(viewer, courseId);
  requireModerator(access);
  const [row] = await db
    .update(discussionReports)
    .set(resolved ? { resolvedAt: now, resolvedBy: access.userId } : { resolvedAt: null, resolvedBy: null })
    .where(and(eq(discussionReports.id, reportId), eq(discussionReports.courseId, courseId)))
    .returning({ id: discussionReports.id, resolvedAt: discussionReports.resolvedAt });
  if (!row) throw new AppError("NOT_FOUND", "This report does not exist in this course.");
  return { report: row };
}

/** Mutes a user in the course's discussions (again: nothing changes). The course's moderators cannot be muted. */
export async function muteUser(viewer: Viewer | null, courseId: string, userId: string) {
  const access = await requireDiscussionAccess(viewer, courseId);
  requireModerator(access);
  const [target] = await db.select({ id: users.id, role: users.role }).from(users).where(eq(users.id, userId));
  if (!target) throw new AppError("NOT_FOUND", "This user does not exist.");
  if (target.id === access.instructorId || target.role === "ADMIN") {
    throw new AppError("CONFLICT", "The course's instructor and admins cannot be muted.");
  }
  await db.insert(discussionMutes).values({ courseId, userId, mutedBy: access.userId }).onConflictDoNothing();
  return { muted: true };
}

export async function unmuteUser(viewer: Viewer | null, courseId: string, userId: string) {
  const access = await requireDiscussionAccess(viewer, courseId);
  requireModerator(access);
  await db.delete(discussionMutes).where(and(eq(discussionMutes.courseId, courseId), eq(discussionMutes.userId, userId)));
  return { muted: false };
}

export async function listMutes(viewer: Viewer | null, courseId: string) {
  const access = await requireDiscussionAccess(viewer, courseId);
  requireModerator(access);
  const rows = await db
    .select({ userId: discussionMutes.userId, name: users.name, email: users.email, createdAt: discussionMutes.createdAt })
    .from(discussionMutes)
    .innerJoin(users, eq(users.id, discussionMutes.userId))
    .where(eq(discussionMutes.courseId, courseId))
    .orderBy(desc(discussionMutes.createdAt));
  return { mutes: rows };
}
