import "server-only";
import type { Database, Transaction } from "@/lib/db/client";
import { notify } from "@/lib/notifications/notifications";
import type { DiscussionAccess } from "./discussion-access";

/** The notifications of discussions, sent in the transaction of the post that causes them, with each user's preferences. */

type Thread = { id: string; lessonId: string | null; title: string };

/** Where a thread is read: the lesson's player with its Questions panel open on it, or the course's board. */
export function threadLink(courseId: string, thread: Pick<Thread, "id" | "lessonId">): string {
  return thread.lessonId
    ? `/my-courses/${courseId}/lessons/${thread.lessonId}?thread=${thread.id}`
    : `/my-courses/${courseId}/discussions?thread=${thread.id}`;
}

/** A new question: to the course's instructor (mailed in an hourly digest), linked on the board (an editor has no player). */
export function notifyNewQuestion(tx: Database | Transaction, access: DiscussionAccess, thread: Thread) {
  return notify(tx, "new_question", [
    {
      userId: access.instructorId,
      title: `New question in ${access.courseTitle}: ${thread.title}`,
      link: threadLink(access.courseId, { id: thread.id, lessonId: null }),
    },
  ]);
}

/** A new reply: to the member who asked. */
export function notifyNewReply(tx: Database | Transaction, access: DiscussionAccess, thread: Thread, askerId: string) {
  return notify(tx, "discussion_reply", [
    {
      userId: askerId,
      title: `New reply to your question: ${thread.title}`,
      body: `In ${access.courseTitle}.`,
      link: threadLink(access.courseId, thread),
    },
  ]);
}

/** A reply marked as the answer: to its author. */
export function notifyAnswerMarked(tx: Database | Transaction, access: DiscussionAccess, thread: Thread, replierId: string) {
  return notify(tx, "answer_marked", [
    {
      userId: replierId,
      title: `Your reply was marked as the answer: ${thread.title}`,
      body: `In ${access.courseTitle}.`,
      link: threadLink(access.courseId, thread),
    },
  ]);
}
