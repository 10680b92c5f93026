import "server-only";
import { randomUUID } from "node:crypto";
import { and, count, desc, eq, inArray, isNull, lt, or, sql } from "drizzle-orm";
import { requireSignedIn, type Viewer } from "@/lib/auth/viewer";
import { db, type Database, type Transaction } from "@/lib/db/client";
import { notificationDigestItems, notificationPreferences, notifications, users } from "@/lib/db/schema";
import { env } from "@/env";
import { AppError } from "@/lib/http/errors";
import { queueMails } from "@/lib/mail/outgoing";
import type { NotificationListQuery, NotificationPreferencesInput, ReadNotificationsInput } from "@/lib/validation/notifications";
import {
  digestOf,
  kindUses,
  LOCKED_KINDS,
  NOTIFICATION_KIND_NAMES,
  NOTIFICATION_KINDS,
  type NotificationChannel,
  type NotificationKind,
} from "./kinds";

export const NOTIFICATIONS_PAGE_SIZE = 20;
/** Rows one insert writes at most: a fan-out to many users goes in slices. */
const INSERT_SLICE = 1_000;

export type NewNotification = {
  userId: string;
  title: string;
  body?: string | null;
  /** A path on this site. */
  link: string;
  /** For a digest kind: items of one group go in one mail (new lessons: the course's id). */
  groupKey?: string;
};

/** A Transaction has rollback(); the Database does not. */
const isTransaction = (tx: Database | Transaction): tx is Transaction => "rollback" in tx;

/** The label of a mail's button: where its link goes. */
export const OPEN_LABEL = "Open it";

/** Of these users, the ones who turned the kind off on the channel. */
async function optedOut(tx: Database | Transaction, kind: NotificationKind, channel: NotificationChannel, userIds: string[]) {
  if (userIds.length === 0) return new Set<string>();
  const rows = await tx
    .select({ userId: notificationPreferences.userId })
    .from(notificationPreferences)
    .where(
      and(
        eq(notificationPreferences.kind, kind),
        eq(notificationPreferences.channel, channel),
        eq(notificationPreferences.enabled, false),
        inArray(notificationPreferences.userId, userIds),
      ),
    );
  return new Set(rows.map((r) => r.userId));
}

/**
 * Tells users something, inside the caller's transaction (it commits or rolls back with the change that causes it): in
 * the app (a row for the bell and /notifications) and by mail (a mail job, or an item for the kind's next digest), each
 * channel unless the user turned the kind off there. Returns how many rows were written in the app.
 */
export async function notify(tx: Database | Transaction, kind: NotificationKind, items: NewNotification[]): Promise<number> {
  if (items.length === 0) return 0;
  const written = kindUses(kind, "app") ? await notifyInApp(tx, kind, items) : 0;
  if (kindUses(kind, "email")) await notifyByMail(tx, kind, items);
  return written;
}

async function notifyInApp(tx: Database | Transaction, kind: NotificationKind, items: NewNotification[]) {
  const off = await optedOut(
    tx,
    kind,
    "app",
    items.map((i) => i.userId),
  );
  const rows = items
    .filter((i) => !off.has(i.userId))
    .map((i) => ({ userId: i.userId, title: i.title, body: i.body ?? null, link: i.link, kind }));
  for (let i = 0; i < rows.length; i += INSERT_SLICE) await tx.insert(notifications).values(rows.slice(i, i + INSERT_SLICE));
  return rows.length;
}

/**
 * The mail channel: a digest kind keeps an item for the next digest (src/lib/notifications/digests.ts); any other kind
 * queues one mail per user now, with a one-click unsubscribe for that kind (security kinds have none and cannot be
 * turned off). Disabled accounts get no mail.
 */
async function notifyByMail(tx: Database | Transaction, kind: NotificationKind, items: NewNotification[]) {
  const locked = LOCKED_KINDS.includes(kind);
  const off = locked
    ? new Set<string>()
    : await optedOut(
        tx,
        kind,
        "email",
        items.map((i) => i.userId),
      );
  const wanted = items.filter((i) => !off.has(i.userId));
  if (wanted.length === 0) return;
  if (digestOf(kind)) {
    const rows = wanted.map((i) => ({
      userId: i.userId,
      kind,
      groupKey: i.groupKey ?? "",
      title: i.title,
      body: i.body ?? null,
      link: i.link,
    }));
    for (let i = 0; i < rows.length; i += INSERT_SLICE) await tx.insert(notificationDigestItems).values(rows.slice(i, i + INSERT_SLICE));
    return;
  }
  const addresses = new Map<string, string>();
  const ids = [...new Set(wanted.map((i) => i.userId))];
  for (let i = 0; i < ids.length; i += INSERT_SLICE) {
    const rows = await tx
      .select({ id: users.id, email: users.email })
      .from(users)
      .where(and(inArray(users.id, ids.slice(i, i + INSERT_SLICE)), isNull(users.disabledAt)));
    for (const r of rows) addresses.set(r.id, r.email);
  }
  const mails = wanted.flatMap((i) => {
    const to = addresses.get(i.userId);
    if (!to) return [];
    return [
      {
        key: `notify:${kind}:${randomUUID()}`,
        mail: {
          to,
          template: "notice" as const,
          props: { title: i.title, paragraphs: i.body ? [i.body] : [], action: { label: OPEN_LABEL, link: absoluteLink(i.link) } },
          ...(locked ? {} : { unsubscribe: { userId: i.userId, kind } }),
        },
      },
    ];
  });
  await queueMails(mails, isTransaction(tx) ? { tx } : {});
}

/** A path on this site as the absolute link a mail needs. */
export const absoluteLink = (path: string) => new URL(path, env.appUrl).toString();

/** The viewer's notifications, newest first, 20 at a time after `cursor`; with `unread`, unread ones only; and the unread count. */
export async function listNotifications(viewer: Viewer | null, query: NotificationListQuery) {
  const user = requireSignedIn(viewer);
  const filters = [eq(notifications.userId, user.id)];
  if (query.unread) filters.push(isNull(notifications.readAt));
  if (query.cursor) {
    const [at, id] = [new Date(query.cursor.at), query.cursor.id];
    filters.push(or(lt(notifications.createdAt, at), and(eq(notifications.createdAt, at), lt(notifications.id, id)))!);
  }
  const [rows, [unread]] = await Promise.all([
    query.limit === 0
      ? []
      : db
          .select({
            id: notifications.id,
            kind: notifications.kind,
            title: notifications.title,
            body: notifications.body,
            link: notifications.link,
            createdAt: notifications.createdAt,
            readAt: notifications.readAt,
          })
          .from(notifications)
          .where(and(...filters))
          .orderBy(desc(notifications.createdAt), desc(notifications.id))
          .limit(query.limit + 1),
    db
      .select({ value: count() })
      .from(notifications)
      .where(and(eq(notifications.userId, user.id), isNull(notifications.readAt))),
  ]);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    notifications: page,
    unreadCount: unread?.value ?? 0,
    nextCursor: rows.length > query.limit && last ? `${last.createdAt.toISOString()}_${last.id}` : null,
  };
}

/** Marks the viewer's notifications read: the ones named (others' ids are ignored) or all. Returns the unread count left. */
export async function markNotificationsRead(viewer: Viewer | null, input: ReadNotificationsInput, now = new Date()) {
  const user = requireSignedIn(viewer);
  const mine = and(eq(notifications.userId, user.id), isNull(notifications.readAt));
  const updated = await db
    .update(notifications)
    .set({ readAt: now })
    .where(input.all ? mine : and(mine, inArray(notifications.id, input.ids ?? [])))
    .returning({ id: notifications.id });
  const [left] = await db
    .select({ value: count() })
    .from(notifications)
    .where(and(eq(notifications.userId, user.id), isNull(notifications.readAt)));
  return { marked: updated.length, unreadCount: left?.value ?? 0 };
}

export type PreferenceRow = {
  kind: NotificationKind;
  label: string;
  audience: string;
  locked: boolean;
  channels: Partial<Record<NotificationChannel, boolean>>;
};

/** Every kind with the viewer's choice per channel it uses (on unless turned off); security is locked on. */
export async function getNotificationPreferences(viewer: Viewer | null): Promise<{ preferences: PreferenceRow[] }> {
  const user = requireSignedIn(viewer);
  const rows = await db.select().from(notificationPreferences).where(eq(notificationPreferences.userId, user.id));
  const choice = (kind: string, channel: string) => rows.find((r) => r.kind === kind && r.channel === channel)?.enabled ?? true;
  return {
    preferences: NOTIFICATION_KIND_NAMES.map((kind) => {
      const meta = NOTIFICATION_KINDS[kind];
      const locked = LOCKED_KINDS.includes(kind);
      return {
        kind,
        label: meta.label,
        audience: meta.audience,
        locked,
        channels: Object.fromEntries(meta.channels.map((channel) => [channel, locked ? true : choice(kind, channel)])),
      };
    }),
  };
}

/**
 * Saves the viewer's choices: each { kind, channel, enabled } names a channel the kind uses (400 otherwise); a locked
 * kind cannot be turned off (400). Returns every preference as saved.
 */
export async function setNotificationPreferences(viewer: Viewer | null, input: NotificationPreferencesInput) {
  const user = requireSignedIn(viewer);
  for (const p of input.preferences) {
    if (!kindUses(p.kind, p.channel)) {
      throw new AppError(
        "VALIDATION_FAILED",
        `${NOTIFICATION_KINDS[p.kind].label}: not sent by ${p.channel === "app" ? "the app" : "e-mail"}.`,
      );
    }
    if (LOCKED_KINDS.includes(p.kind) && !p.enabled) {
      throw new AppError("VALIDATION_FAILED", "Security messages cannot be turned off: they tell you when your account changes.");
    }
  }
  const now = new Date();
  if (input.preferences.length > 0) {
    await db
      .insert(notificationPreferences)
      .values(input.preferences.map((p) => ({ userId: user.id, kind: p.kind, channel: p.channel, enabled: p.enabled, updatedAt: now })))
      .onConflictDoUpdate({
        target: [notificationPreferences.userId, notificationPreferences.kind, notificationPreferences.channel],
        set: { enabled: sql`excluded.enabled`, updatedAt: now },
      });
  }
  return getNotificationPreferences(user);
}
