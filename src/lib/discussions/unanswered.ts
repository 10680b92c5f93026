import "server-only";
import { and, asc, eq, isNull, sql } from "drizzle-orm";
import { taughtCourseCondition } from "@/lib/auth/course-permissions";
import { requireRoleOf, type Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db/client";
import { courses, discussionThreads, lessons, users } from "@/lib/db/schema";
import { DISCUSSIONS_PAGE_SIZE, type UnansweredQuery } from "@/lib/validation/discussions";
import { exactTime } from "./posts";

const t = discussionThreads;

/**
 * The questions without a marked answer across the courses the viewer teaches, oldest first (the longest waiting on
 * top), 20 at a time after `cursor` (`<created_at>_<id>` of the last one). Hidden threads are left out.
 */
export async function listUnansweredQuestions(viewer: Viewer | null, query: UnansweredQuery) {
  const user = requireRoleOf(viewer, "INSTRUCTOR", "ADMIN");
  const c = query.cursor;
  const rows = await db
    .select({
      id: t.id,
      courseId: t.courseId,
      courseTitle: courses.title,
      lessonId: t.lessonId,
      lessonTitle: lessons.title,
      title: t.title,
      authorName: users.name,
      replyCount: t.replyCount,
      upvoteCount: t.upvoteCount,
      createdAt: t.createdAt,
      cursorAt: exactTime(t.createdAt),
    })
    .from(t)
    .innerJoin(courses, eq(courses.id, t.courseId))
    .leftJoin(lessons, eq(lessons.id, t.lessonId))
    .leftJoin(users, eq(users.id, t.authorId))
    .where(
      and(
        taughtCourseCondition(user),
        isNull(t.answerReplyId),
        eq(t.hidden, false),
        c ? sql`(${t.createdAt}, ${t.id}) > (${c.at}::timestamptz, ${c.id}::uuid)` : undefined,
      ),
    )
    .orderBy(asc(t.createdAt), asc(t.id))
    .limit(DISCUSSIONS_PAGE_SIZE + 1);
  const page = rows.slice(0, DISCUSSIONS_PAGE_SIZE);
  const last = page.at(-1);
  return {
    questions: page.map((q) => ({ ...q, cursorAt: undefined })),
    nextCursor: rows.length > DISCUSSIONS_PAGE_SIZE && last ? `${last.cursorAt}_${last.id}` : null,
  };
}
