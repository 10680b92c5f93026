import type { Metadata } from "next";
import Link from "next/link";
import { MarkAllRead, NotificationLink } from "@/components/notifications/notification-actions";
import { buttonStyles } from "@/components/ui/button-styles";
import { badgeStyles } from "@/components/ui/table-styles";
import { listNotifications } from "@/lib/notifications/notifications";
import { notificationListQuerySchema } from "@/lib/validation/notifications";
import { requirePageUser } from "@/app/_http/page-viewer";

export const metadata: Metadata = { title: "Notifications" };

const timeFormat = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

/** The user's notifications, newest first, 20 a page (all, or unread only); each links to what it is about. */
export default async function NotificationsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[]>> }) {
  const raw = await searchParams;
  const parsed = notificationListQuerySchema.safeParse({ unread: raw.unread, cursor: raw.cursor });
  const query = parsed.success ? parsed.data : { unread: false, cursor: undefined, limit: 20 };
  const viewer = await requirePageUser(query.unread ? "/notifications?unread=1" : "/notifications");
  const result = await listNotifications(viewer, { ...query, limit: 20 });
  const tab = (unread: boolean) =>
    `rounded-md px-3 py-1.5 text-sm font-medium ${unread === query.unread ? "bg-indigo-700 text-white dark:bg-indigo-300 dark:text-slate-950" : "text-slate-800 hover:bg-slate-100 dark:text-slate-100 dark:hover:bg-slate-800"}`;
  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-3xl font-bold tracking-tight">Notifications</h1>
        <p className="flex flex-wrap gap-2">
          {result.unreadCount > 0 && <MarkAllRead />}
          <Link href="/profile/notifications" className={buttonStyles.secondary}>
            Preferences
          </Link>
        </p>
      </div>
      <nav aria-label="Which notifications" className="flex gap-2">
        <Link href="/notifications" className={tab(false)} aria-current={!query.unread ? "page" : undefined}>
          All
        </Link>
        <Link href="/notifications?unread=1" className={tab(true)} aria-current={query.unread ? "page" : undefined}>
          Unread ({result.unreadCount})
        </Link>
      </nav>
      {result.notifications.length === 0 ? (
        <p className="text-slate-700 dark:text-slate-300">{query.unread ? "Nothing unread." : "No notifications yet."}</p>
      ) : (
        <ul aria-label="Notifications" className="flex flex-col gap-3">
          {result.notifications.map((n) => (
            <li
              key={n.id}
              className="flex flex-col gap-1 rounded-xl border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900"
            >
              <p className="flex flex-wrap items-center gap-2">
                {!n.readAt && <span className={badgeStyles.indigo}>New</span>}
                <NotificationLink id={n.id} href={n.link} unread={!n.readAt}>
                  {n.title}
                </NotificationLink>
              </p>
              {n.body && <p className="text-sm text-slate-800 dark:text-slate-200">{n.body}</p>}
              <p className="text-xs text-slate-700 dark:text-slate-300">
                <time dateTime={n.createdAt.toISOString()}>{timeFormat.format(n.createdAt)} UTC</time>
              </p>
            </li>
          ))}
        </ul>
      )}
      {result.nextCursor && (
        <p>
          <Link
            href={`/notifications?${new URLSearchParams({ ...(query.unread ? { unread: "1" } : {}), cursor: result.nextCursor }).toString()}`}
            className={buttonStyles.secondary}
          >
            Older notifications
          </Link>
        </p>
      )}
    </div>
  );
}
