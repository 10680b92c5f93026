import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { assignmentCourse, enrolledLearner } from "../../../tests/helpers/assignment-db";
import { refusal } from "../../../tests/helpers/refusal";
import { withTestDatabase } from "../../../tests/helpers/test-database";
import { insertUser } from "../../../tests/helpers/user-fixtures";
import { deleteLesson } from "@/lib/curriculum/manage-lessons";
import { db } from "@/lib/db/client";
import { discussionReplies, discussionThreads, discussionThreadUpvotes, notifications, users } from "@/lib/db/schema";
import { setEnrollmentEnd, unenrollByStaff } from "@/lib/enrollments/staff-enrollment";
import { ENROLLMENT_ENDED_MESSAGE } from "@/lib/format";
import { setNotificationPreferences } from "@/lib/notifications/notifications";
import { threadListQuerySchema } from "@/lib/validation/discussions";
import { listMutes, listReports, muteUser, reportPost, unmuteUser } from "./moderation";
import { createReply, deleteReply, markAnswer, updateReply } from "./replies";
import { createThread, deleteThread, getThread, listThreads, updateThread } from "./threads";
import { listUnansweredQuestions } from "./unanswered";
import { setReplyUpvote, setThreadUpvote } from "./votes";

withTestDatabase();

type Actor = Awaited<ReturnType<typeof insertUser>>;
const ask = (who: Actor, courseId: string, title: string, extra: { lessonId?: string | null; body?: string } = {}) =>
  createThread(who, courseId, { title, body: extra.body ?? `Body of ${title}`, lessonId: extra.lessonId }).then((r) => r.thread.id);
const list = (who: Actor | null, courseId: string, query: Record<string, string> = {}) =>
  listThreads(who, courseId, threadListQuerySchema.parse(query));
const titles = async (who: Actor, courseId: string, query: Record<string, string> = {}) =>
  (await list(who, courseId, query)).threads.map((t) => t.title);
const DISCUSSION_KINDS = ["new_question", "discussion_reply", "answer_marked"];
const notificationsOf = async (userId: string) =>
  (await db.select().from(notifications).where(eq(notifications.userId, userId)))
    .filter((n) => DISCUSSION_KINDS.includes(n.kind))
    .map((n) => ({ kind: n.kind, title: n.title, link: n.link }));

describe("who reads and posts", () => {
  it("is the enrolled learners, the course's instructor and admins; nobody else, a disabled user nothing", async () => {
    const f = await assignmentCourse();
    const learner = await enrolledLearner(f.courseId);
    const id = await ask(learner, f.courseId, "How do I start?", { lessonId: f.readingLessonId });

    expect(await titles(learner, f.courseId)).toEqual(["How do I start?"]);
    expect(await titles(f.instructor, f.courseId, { lessonId: f.readingLessonId })).toEqual(["How do I start?"]);
    expect(await titles(await insertUser({ role: "ADMIN" }), f.courseId)).toEqual(["How do I start?"]);

    const outsider = await insertUser();
    expect((await refusal(list(outsider, f.courseId))).code).toBe("FORBIDDEN");
    expect((await refusal(getThread(outsider, f.courseId, id))).code).toBe("FORBIDDEN");
    expect((await refusal(ask(outsider, f.courseId, "Me too"))).code).toBe("FORBIDDEN");
    expect((await refusal(list(await insertUser({ role: "INSTRUCTOR" }), f.courseId))).code).toBe("FORBIDDEN");
    expect((await refusal(list(null, f.courseId))).code).toBe("UNAUTHORIZED");
    // A thread id of the course, asked for through another course: not found.
    const other = await assignmentCourse();
    expect((await refusal(getThread(other.instructor, other.courseId, id))).code).toBe("NOT_FOUND");

    const disabled = await enrolledLearner(f.courseId);
    await db.update(users).set({ disabledAt: new Date() }).where(eq(users.id, disabled.id));
    expect((await refusal(list(disabled, f.courseId))).code).toBe("UNAUTHORIZED");
    expect((await refusal(ask(disabled, f.courseId, "Still here?"))).code).toBe("UNAUTHORIZED");
  });

  it("ends with the enrollment: an unenrolled learner reads nothing, and what they posted stays for the others", async () => {
    const f = await assignmentCourse();
    const learner = await enrolledLearner(f.courseId);
    const classmate = await enrolledLearner(f.courseId);
    const id = await ask(learner, f.courseId, "Before I leave");
    await unenrollByStaff(f.instructor, f.courseId, learner.id);
    expect((await refusal(list(learner, f.courseId))).code).toBe("FORBIDDEN");
    expect((await refusal(getThread(learner, f.courseId, id))).code).toBe("FORBIDDEN");
    expect((await refusal(createReply(learner, f.courseId, id, { body: "Hello?" }))).code).toBe("FORBIDDEN");
    expect((await getThread(classmate, f.courseId, id)).title).toBe("Before I leave");
  });

  it("lets a learner whose enrollment ended read but not post, reply or vote", async () => {
    const f = await assignmentCourse();
    const learner = await enrolledLearner(f.courseId);
    const id = await ask(learner, f.courseId, "Asked in time");
    await setEnrollmentEnd(f.instructor, f.courseId, learner.id, new Date(Date.now() - 60_000));
    expect(await titles(learner, f.courseId)).toEqual(["Asked in time"]);
    expect((await getThread(learner, f.courseId, id)).can).toMatchObject({ reply: false, edit: false });
    // One at a time: a refusal started before the loop reaches it would be an unhandled rejection meanwhile.
    for (const write of [
      () => ask(learner, f.courseId, "Too late"),
      () => createReply(learner, f.courseId, id, { body: "Too late" }),
      () => setThreadUpvote(learner, f.courseId, id, true),
    ]) {
      const refused = await refusal(write());
      expect([refused.code, refused.userMessage]).toEqual(["FORBIDDEN", ENROLLMENT_ENDED_MESSAGE]);
    }
  });

  it("shows hidden posts to moderators only", async () => {
    const f = await assignmentCourse();
    const learner = await enrolledLearner(f.courseId);
    const id = await ask(learner, f.courseId, "Spam here");
    const kept = await ask(learner, f.courseId, "A real question");
    const { reply } = await createReply(learner, f.courseId, kept, { body: "Buy things" });
    await updateThread(f.instructor, f.courseId, id, { hidden: true });
    await updateReply(f.instructor, f.courseId, kept, reply.id, { hidden: true });

    expect(await titles(learner, f.courseId)).toEqual(["A real question"]);
    expect((await refusal(getThread(learner, f.courseId, id))).code).toBe("NOT_FOUND");
    expect((await refusal(createReply(learner, f.courseId, id, { body: "x" }))).code).toBe("NOT_FOUND");
    const seen = await getThread(learner, f.courseId, kept);
    expect(seen.replies).toEqual([]);
    expect(seen.replyCount).toBe(0);

    expect(await titles(f.instructor, f.courseId)).toEqual(["A real question", "Spam here"]);
    expect((await getThread(f.instructor, f.courseId, kept)).replies.map((r) => [r.body, r.hidden])).toEqual([["Buy things", true]]);
    // Only moderators hide, pin and lock.
    expect((await refusal(updateThread(learner, f.courseId, kept, { pinned: true }))).code).toBe("FORBIDDEN");
  });
});

describe("posting, editing and deleting", () => {
  it("lets the author edit (marked edited) and delete while nobody replied; moderators always; locked threads take no replies", async () => {
    const f = await assignmentCourse();
    const asker = await enrolledLearner(f.courseId);
    const classmate = await enrolledLearner(f.courseId);
    const id = await ask(asker, f.courseId, "Typo question", { lessonId: f.readingLessonId });
    expect((await getThread(asker, f.courseId, id)).editedAt).toBeNull();
    await updateThread(asker, f.courseId, id, { title: "Fixed question", body: "Now with **markdown**." });
    const edited = await getThread(classmate, f.courseId, id);
    expect(edited).toMatchObject({ title: "Fixed question", body: "Now with **markdown**.", mine: false });
    expect(edited.editedAt).toBeInstanceOf(Date);
    expect((await refusal(updateThread(classmate, f.courseId, id, { title: "Mine now" }))).code).toBe("FORBIDDEN");
    expect((await refusal(deleteThread(classmate, f.courseId, id))).code).toBe("FORBIDDEN");

    const { reply } = await createReply(classmate, f.courseId, id, { body: "Try this." });
    expect((await refusal(deleteThread(asker, f.courseId, id))).code).toBe("CONFLICT");
    expect((await refusal(updateReply(asker, f.courseId, id, reply.id, { body: "Edited by someone else" }))).code).toBe("FORBIDDEN");
    await updateReply(classmate, f.courseId, id, reply.id, { body: "Try this instead." });
    expect((await getThread(asker, f.courseId, id)).replies[0]).toMatchObject({ body: "Try this instead.", mine: false });

    await updateThread(f.instructor, f.courseId, id, { locked: true });
    expect((await refusal(createReply(classmate, f.courseId, id, { body: "One more" }))).code).toBe("CONFLICT");
    expect((await refusal(updateThread(asker, f.courseId, id, { body: "Edit" }))).code).toBe("CONFLICT");
    await createReply(f.instructor, f.courseId, id, { body: "Closing this." });

    await deleteReply(classmate, f.courseId, id, reply.id);
    expect((await getThread(asker, f.courseId, id)).replies.map((r) => r.body)).toEqual(["Closing this."]);
    await deleteThread(f.instructor, f.courseId, id);
    expect(await db.select().from(discussionReplies)).toEqual([]);

    const lonely = await ask(asker, f.courseId, "Never mind");
    await deleteThread(asker, f.courseId, lonely);
    expect(await titles(asker, f.courseId)).toEqual([]);
  });

  it("refuses a lesson of another course, and mutes per course", async () => {
    const f = await assignmentCourse();
    const other = await assignmentCourse();
    const learner = await enrolledLearner(f.courseId);
    expect((await refusal(ask(learner, f.courseId, "Wrong lesson", { lessonId: other.readingLessonId }))).code).toBe("NOT_FOUND");

    await muteUser(f.instructor, f.courseId, learner.id);
    expect((await listMutes(f.instructor, f.courseId)).mutes.map((m) => m.userId)).toEqual([learner.id]);
    const muted = await refusal(ask(learner, f.courseId, "Let me speak"));
    expect(muted.code).toBe("FORBIDDEN");
    expect(muted.userMessage).toMatch(/muted/);
    expect(await titles(learner, f.courseId)).toEqual([]);
    expect((await refusal(muteUser(learner, f.courseId, f.instructor.id))).code).toBe("FORBIDDEN");
    expect((await refusal(muteUser(f.instructor, f.courseId, f.instructor.id))).code).toBe("CONFLICT");
    await unmuteUser(f.instructor, f.courseId, learner.id);
    await ask(learner, f.courseId, "Thanks");
  });

  it("limits a member's posting rate with a 429 that says to wait; moderators are not limited", async () => {
    const f = await assignmentCourse();
    const learner = await enrolledLearner(f.courseId);
    // 10 a minute: 21 posts in a row cross at most one window boundary, so one of them is refused whenever they run.
    let refused: Awaited<ReturnType<typeof refusal>> | undefined;
    for (let i = 0; i < 21 && !refused; i += 1) {
      refused = await ask(learner, f.courseId, `Post ${i}`).then(
        () => undefined,
        (e: unknown) => e as Awaited<ReturnType<typeof refusal>>,
      );
    }
    expect(refused?.code).toBe("RATE_LIMITED");
    expect(refused?.userMessage).toMatch(
      /^Too many posts in a short time: wait a little before posting again\. Try again in \d+ (seconds?|minutes?)\.$/,
    );
    for (let i = 0; i < 12; i += 1) await ask(f.instructor, f.courseId, `Announcement ${i}`);
  });
});

describe("answers", () => {
  it("are marked by the asker or an instructor, on a reply of the thread; the replier is told", async () => {
    const f = await assignmentCourse();
    const asker = await enrolledLearner(f.courseId);
    const classmate = await enrolledLearner(f.courseId);
    const id = await ask(asker, f.courseId, "Why does it fail?", { lessonId: f.readingLessonId });
    const other = await ask(classmate, f.courseId, "Another question");
    const { reply: fromClassmate } = await createReply(classmate, f.courseId, id, { body: "Check the path." });
    const { reply: fromInstructor } = await createReply(f.instructor, f.courseId, id, { body: "It is the encoding." });
    const { reply: elsewhere } = await createReply(asker, f.courseId, other, { body: "Same here" });

    expect((await refusal(markAnswer(classmate, f.courseId, id, fromClassmate.id))).code).toBe("FORBIDDEN");
    expect((await refusal(markAnswer(asker, f.courseId, id, elsewhere.id))).code).toBe("NOT_FOUND");
    await markAnswer(asker, f.courseId, id, fromInstructor.id);
    const thread = await getThread(classmate, f.courseId, id);
    expect(thread).toMatchObject({ answered: true, answerReplyId: fromInstructor.id });
    expect(thread.replies.map((r) => r.author?.staff)).toEqual([false, true]);
    expect(await notificationsOf(f.instructor.id)).toContainEqual({
      kind: "answer_marked",
      title: "Your reply was marked as the answer: Why does it fail?",
      link: `/my-courses/${f.courseId}/lessons/${f.readingLessonId}?thread=${id}`,
    });

    // The instructor moves the mark; the asker takes it off; the marked reply cannot be deleted by its author.
    await markAnswer(f.instructor, f.courseId, id, fromClassmate.id);
    expect((await refusal(deleteReply(classmate, f.courseId, id, fromClassmate.id))).code).toBe("CONFLICT");
    expect((await notificationsOf(classmate.id)).filter((n) => n.kind === "answer_marked")).toHaveLength(1);
    await markAnswer(asker, f.courseId, id, null);
    expect((await getThread(asker, f.courseId, id)).answered).toBe(false);
    // A moderator deleting the marked reply takes the mark with it.
    await markAnswer(asker, f.courseId, id, fromClassmate.id);
    await deleteReply(f.instructor, f.courseId, id, fromClassmate.id);
    expect(await getThread(asker, f.courseId, id)).toMatchObject({ answered: false, answerReplyId: null, replyCount: 1 });
  });

  it("tells the instructor of new questions and the asker of replies (not of their own), with preferences", async () => {
    const f = await assignmentCourse();
    const asker = await enrolledLearner(f.courseId);
    const classmate = await enrolledLearner(f.courseId);
    const id = await ask(asker, f.courseId, "Where is the file?");
    expect(await notificationsOf(f.instructor.id)).toEqual([
      {
        kind: "new_question",
        title: `New question in Essay course: Where is the file?`,
        link: `/my-courses/${f.courseId}/discussions?thread=${id}`,
      },
    ]);
    await createReply(asker, f.courseId, id, { body: "Bump" });
    expect(await notificationsOf(asker.id)).toEqual([]);
    await createReply(classmate, f.courseId, id, { body: "In the materials." });
    expect(await notificationsOf(asker.id)).toEqual([
      {
        kind: "discussion_reply",
        title: "New reply to your question: Where is the file?",
        link: `/my-courses/${f.courseId}/discussions?thread=${id}`,
      },
    ]);
    // A member who turned the kind off in the app gets no row.
    await setNotificationPreferences(classmate, { preferences: [{ kind: "discussion_reply", channel: "app", enabled: false }] });
    const theirs = await ask(classmate, f.courseId, "My own question");
    await createReply(asker, f.courseId, theirs, { body: "Answering you" });
    expect(await notificationsOf(classmate.id)).toEqual([]);
  });
});

describe("upvotes", () => {
  it("count one per user however many clicks arrive at once", async () => {
    const f = await assignmentCourse();
    const asker = await enrolledLearner(f.courseId);
    const voter = await enrolledLearner(f.courseId);
    const id = await ask(asker, f.courseId, "Popular");
    const { reply } = await createReply(asker, f.courseId, id, { body: "An answer" });

    const results = await Promise.all(Array.from({ length: 8 }, () => setThreadUpvote(voter, f.courseId, id, true)));
    expect(results.every((r) => r.upvoted)).toBe(true);
    await Promise.all(Array.from({ length: 8 }, () => setReplyUpvote(voter, f.courseId, id, reply.id, true)));
    await setThreadUpvote(asker, f.courseId, id, true);
    let thread = await getThread(voter, f.courseId, id);
    expect([thread.upvoteCount, thread.upvoted, thread.replies[0]!.upvoteCount, thread.replies[0]!.upvoted]).toEqual([2, true, 1, true]);
    expect(await db.select().from(discussionThreadUpvotes).where(eq(discussionThreadUpvotes.threadId, id))).toHaveLength(2);

    await Promise.all(Array.from({ length: 8 }, () => setThreadUpvote(voter, f.courseId, id, false)));
    thread = await getThread(voter, f.courseId, id);
    expect([thread.upvoteCount, thread.upvoted]).toEqual([1, false]);
  });
});

describe("lists", () => {
  it("filter (unanswered, answered, mine), sort (newest, most upvoted, unanswered) and search the text", async () => {
    const f = await assignmentCourse();
    const me = await enrolledLearner(f.courseId);
    const other = await enrolledLearner(f.courseId);
    const a = await ask(me, f.courseId, "Recursion limits", {
      body: "My recursive function overflows the stack.",
      lessonId: f.readingLessonId,
    });
    const b = await ask(other, f.courseId, "Installing the tools", { body: "Which version of Python?" });
    const c = await ask(other, f.courseId, "Deadline question", { body: "When is the essay due?", lessonId: f.lessonId });
    const { reply } = await createReply(f.instructor, f.courseId, b, { body: "3.12" });
    await markAnswer(f.instructor, f.courseId, b, reply.id);
    await setThreadUpvote(me, f.courseId, c, true);
    await setThreadUpvote(other, f.courseId, c, true);
    await setThreadUpvote(me, f.courseId, a, true);

    expect(await titles(me, f.courseId)).toEqual(["Deadline question", "Installing the tools", "Recursion limits"]);
    expect(await titles(me, f.courseId, { filter: "unanswered" })).toEqual(["Deadline question", "Recursion limits"]);
    expect(await titles(me, f.courseId, { filter: "answered" })).toEqual(["Installing the tools"]);
    expect(await titles(me, f.courseId, { filter: "mine" })).toEqual(["Recursion limits"]);
    expect(await titles(me, f.courseId, { sort: "upvoted" })).toEqual(["Deadline question", "Recursion limits", "Installing the tools"]);
    expect(await titles(me, f.courseId, { sort: "unanswered" })).toEqual(["Deadline question", "Recursion limits", "Installing the tools"]);
    expect(await titles(me, f.courseId, { lessonId: "general" })).toEqual(["Installing the tools"]);
    expect(await titles(me, f.courseId, { lessonId: f.lessonId })).toEqual(["Deadline question"]);

    // Full-text: stems and prefixes, title and body.
    expect(await titles(me, f.courseId, { q: "recursion" })).toEqual(["Recursion limits"]);
    expect(await titles(me, f.courseId, { q: "overflow" })).toEqual(["Recursion limits"]);
    expect(await titles(me, f.courseId, { q: "pyth" })).toEqual(["Installing the tools"]);
    expect(await titles(me, f.courseId, { q: "essay due", filter: "unanswered" })).toEqual(["Deadline question"]);
    expect(await titles(me, f.courseId, { q: "nothing-like-this" })).toEqual([]);
    expect(await titles(me, f.courseId, { q: "!!!" })).toEqual([]);

    // Pinned threads come first in every sort.
    await updateThread(f.instructor, f.courseId, a, { pinned: true });
    expect((await titles(me, f.courseId))[0]).toBe("Recursion limits");
    expect((await titles(me, f.courseId, { sort: "upvoted" }))[0]).toBe("Recursion limits");
  });

  it("pages with a keyset cursor: no thread twice and none missed while others are posted", async () => {
    const f = await assignmentCourse();
    const learner = await enrolledLearner(f.courseId);
    const original: string[] = [];
    for (let i = 0; i < 9; i += 1) original.push(await ask(f.instructor, f.courseId, `Thread ${i}`));
    // Same upvote counts on several threads: ties are broken by time and id.
    for (const id of original.slice(0, 4)) await setThreadUpvote(learner, f.courseId, id, true);
    await updateThread(f.instructor, f.courseId, original[5]!, { pinned: true });

    for (const sort of ["newest", "upvoted", "unanswered"]) {
      const seen: string[] = [];
      let cursor: string | null = null;
      let inserted = 0;
      do {
        const page: Awaited<ReturnType<typeof listThreads>> = await list(learner, f.courseId, {
          sort,
          limit: "2",
          ...(cursor ? { cursor } : {}),
        });
        seen.push(...page.threads.map((t) => t.id));
        cursor = page.nextCursor;
        // Someone posts between pages: it sorts before the cursor (newest), so it is not in this pass.
        await ask(f.instructor, f.courseId, `New while paging ${sort} ${inserted++}`);
      } while (cursor);
      const fromBefore = seen.filter((id) => original.includes(id));
      expect(new Set(seen).size, sort).toBe(seen.length);
      expect(new Set(fromBefore), sort).toEqual(new Set(original));
    }
    // A cursor of another sort is refused as a bad cursor.
    const first = await list(learner, f.courseId, { limit: "2" });
    expect(threadListQuerySchema.safeParse({ sort: "upvoted", cursor: first.nextCursor }).success).toBe(false);
    expect(threadListQuerySchema.safeParse({ cursor: "not-a-cursor" }).success).toBe(false);
  });

  it("lists the instructor's unanswered questions across their courses, oldest first", async () => {
    const f = await assignmentCourse();
    const g = await assignmentCourse();
    const learner = await enrolledLearner(f.courseId);
    const first = await ask(learner, f.courseId, "First asked");
    await ask(learner, f.courseId, "Second asked");
    const answered = await ask(learner, f.courseId, "Answered one");
    const { reply } = await createReply(f.instructor, f.courseId, answered, { body: "Done" });
    await markAnswer(learner, f.courseId, answered, reply.id);
    await ask(g.instructor, g.courseId, "Elsewhere");
    const { questions, nextCursor } = await listUnansweredQuestions(f.instructor, {});
    expect(questions.map((q) => [q.title, q.courseTitle])).toEqual([
      ["First asked", "Essay course"],
      ["Second asked", "Essay course"],
    ]);
    expect(nextCursor).toBeNull();
    expect(questions[0]!.id).toBe(first);
    expect((await listUnansweredQuestions(g.instructor, {})).questions.map((q) => q.title)).toEqual(["Elsewhere"]);
    expect((await refusal(listUnansweredQuestions(learner, {}))).code).toBe("FORBIDDEN");
  });
});

describe("reports and what deletions take", () => {
  it("lists reports for the course's moderators; hiding the post resolves them", async () => {
    const f = await assignmentCourse();
    const author = await enrolledLearner(f.courseId);
    const reporter = await enrolledLearner(f.courseId);
    const id = await ask(author, f.courseId, "Rude words");
    await reportPost(reporter, f.courseId, id, null, "It is rude.");
    await reportPost(reporter, f.courseId, id, null, "It is very rude.");
    expect((await refusal(listReports(reporter, f.courseId, {}))).code).toBe("FORBIDDEN");
    const open = (await listReports(f.instructor, f.courseId, {})).reports;
    expect(open.map((r) => [r.reason, r.threadTitle, r.postAuthorName, r.reporterName])).toEqual([
      ["It is very rude.", "Rude words", author.name, reporter.name],
    ]);
    await updateThread(f.instructor, f.courseId, id, { hidden: true });
    expect((await listReports(f.instructor, f.courseId, {})).reports).toEqual([]);
    expect((await listReports(f.instructor, f.courseId, { status: "resolved" })).reports).toHaveLength(1);
  });

  it("a deleted lesson takes its threads; a deleted user's posts stay, by nobody", async () => {
    const f = await assignmentCourse();
    const learner = await enrolledLearner(f.courseId);
    await ask(learner, f.courseId, "On the lesson", { lessonId: f.lessonId });
    const general = await ask(learner, f.courseId, "On the board");
    await createReply(learner, f.courseId, general, { body: "Anyone?" });
    await deleteLesson(f.instructor, f.courseId, f.moduleId, f.lessonId);
    expect(await titles(f.instructor, f.courseId)).toEqual(["On the board"]);
    await db.delete(users).where(eq(users.id, learner.id));
    const thread = await getThread(f.instructor, f.courseId, general);
    expect([thread.author, thread.replies[0]!.author]).toEqual([null, null]);
    expect(
      await db
        .select()
        .from(discussionThreads)
        .where(and(eq(discussionThreads.courseId, f.courseId))),
    ).toHaveLength(1);
  });
});
