import "server-only";
import { and, asc, eq, gt, inArray, isNull } from "drizzle-orm";
import { db, type Transaction } from "@/lib/db/client";
import { courses, notificationDigestItems, notificationPreferences, users } from "@/lib/db/schema";
import { queueMails, type OutgoingMail } from "@/lib/mail/outgoing";
import { digestOf, NOTIFICATION_KIND_NAMES, type NotificationKind } from "./kinds";
import { absoluteLink } from "./notifications";

/** Users whose waiting items one transaction turns into mails: a digest to many users goes in slices. */
const USERS_PER_BATCH = 200;
/** Items one update marks sent at most (a statement's parameters are limited). */
const MARK_SLICE = 5_000;
/** Items a digest lists by name; the rest are counted. */
export const DIGEST_LISTED_ITEMS = 20;

type Item = { id: string; userId: string; groupKey: string; title: string; body: string | null; link: string };

/** The words of each digest kind's mail: its title and first line, and where its button goes. */
async function wording(tx: Transaction, kind: NotificationKind, groupKey: string, count: number, titles: Map<string, string | null>) {
  const many = count === 1 ? "" : "s";
  if (kind === "new_lesson") {
    // One read per course and run, however many learners it has.
    if (!titles.has(groupKey)) {
      const [row] = await tx.select({ title: courses.title }).from(courses).where(eq(courses.id, groupKey));
      titles.set(groupKey, row?.title ?? null);
    }
    const course = { title: titles.get(groupKey) };
    if (!course.title) return null;
    return {
      title: `New in ${course.title}`,
      intro: `${count} new lesson${many} since the last mail:`,
      action: { label: "Open the course", link: absoluteLink(`/my-courses/${groupKey}`) },
    };
  }
  if (kind === "submission_waiting") {
    return {
      title: `${count} submission${many} wait${count === 1 ? "s" : ""} for your grading`,
      intro: "Handed in since the last mail:",
      action: { label: "Open the grading queue", link: absoluteLink("/instructor/submissions") },
    };
  }
  if (kind === "new_question") {
    return {
      title: `${count} new question${many} in your courses`,
      intro: "Asked since the last mail:",
      action: { label: "Open the unanswered questions", link: absoluteLink("/instructor/questions") },
    };
  }
  return {
    title: `${count} new enrollment${many} in your courses`,
    intro: "Enrolled since the last mail:",
    action: { label: "Open your courses", link: absoluteLink("/instructor") },
  };
}

/**
 * Sends the digests of every kind mailed at this period: one mail per user and group (a course, for new lessons) with
 * every item not sent yet, then marks the items sent, a slice of users per transaction (the mails are jobs of that same
 * transaction, so a slice is mailed and marked together or not at all). A user who turned the kind's mail off since, or
 * whose account is disabled, gets nothing and the items are marked all the same. Run by the hourly and daily schedules.
 */
export async function sendDigests(period: "hourly" | "daily", now = new Date()): Promise<{ mails: number; items: number }> {
  const totals = { mails: 0, items: 0 };
  const courseTitles = new Map<string, string | null>();
  for (const kind of NOTIFICATION_KIND_NAMES.filter((k) => digestOf(k) === period)) {
    let after = "";
    for (;;) {
      const slice = await db.transaction(async (tx) => {
        const waiting = await tx
          .selectDistinct({ userId: notificationDigestItems.userId })
          .from(notificationDigestItems)
          .where(
            and(eq(notificationDigestItems.kind, kind), isNull(notificationDigestItems.sentAt), gt(notificationDigestItems.userId, after)),
          )
          .orderBy(asc(notificationDigestItems.userId))
          .limit(USERS_PER_BATCH);
        if (waiting.length === 0) return null;
        const userIds = waiting.map((w) => w.userId);
        const items: Item[] = await tx
          .select({
            id: notificationDigestItems.id,
            userId: notificationDigestItems.userId,
            groupKey: notificationDigestItems.groupKey,
            title: notificationDigestItems.title,
            body: notificationDigestItems.body,
            link: notificationDigestItems.link,
          })
          .from(notificationDigestItems)
          .where(
            and(
              eq(notificationDigestItems.kind, kind),
              isNull(notificationDigestItems.sentAt),
              inArray(notificationDigestItems.userId, userIds),
            ),
          )
          .orderBy(asc(notificationDigestItems.createdAt), asc(notificationDigestItems.id))
          .for("update", { skipLocked: true });
        const [recipients, off] = await Promise.all([
          tx
            .select({ id: users.id, email: users.email })
            .from(users)
            .where(and(inArray(users.id, userIds), isNull(users.disabledAt))),
          tx
            .select({ userId: notificationPreferences.userId })
            .from(notificationPreferences)
            .where(
              and(
                inArray(notificationPreferences.userId, userIds),
                eq(notificationPreferences.kind, kind),
                eq(notificationPreferences.channel, "email"),
                eq(notificationPreferences.enabled, false),
              ),
            ),
        ]);
        const address = new Map(recipients.map((r) => [r.id, r.email]));
        const optedOut = new Set(off.map((o) => o.userId));
        const groups = new Map<string, Item[]>();
        for (const item of items) {
          const key = `${item.userId} ${item.groupKey}`;
          groups.set(key, [...(groups.get(key) ?? []), item]);
        }
        const mails: { mail: OutgoingMail; key: string }[] = [];
        for (const group of groups.values()) {
          const { userId, groupKey } = group[0]!;
          const to = address.get(userId);
          if (!to || optedOut.has(userId)) continue;
          const words = await wording(tx, kind, groupKey, group.length, courseTitles);
          if (!words) continue;
          const listed = group.slice(0, DIGEST_LISTED_ITEMS).map((i) => ({ title: i.title, body: i.body, link: absoluteLink(i.link) }));
          const more = group.length - listed.length;
          mails.push({
            // The newest item's id names this mail once: a retried digest job cannot mail the same items twice.
            key: `digest:${kind}:${group.at(-1)!.id}`,
            mail: {
              to,
              template: "digest",
              props: {
                ...words,
                intro: more > 0 ? `${words.intro} (the first ${listed.length} of ${group.length})` : words.intro,
                items: listed,
              },
              unsubscribe: { userId, kind },
            },
          });
        }
        await queueMails(mails, { tx });
        for (let i = 0; i < items.length; i += MARK_SLICE) {
          const ids = items.slice(i, i + MARK_SLICE).map((item) => item.id);
          await tx.update(notificationDigestItems).set({ sentAt: now }).where(inArray(notificationDigestItems.id, ids));
        }
        return { last: userIds.at(-1)!, mails: mails.length, items: items.length, full: waiting.length === USERS_PER_BATCH };
      });
      if (!slice) break;
      totals.mails += slice.mails;
      totals.items += slice.items;
      after = slice.last;
      if (!slice.full) break;
    }
  }
  return totals;
}
