"use client";

import { Bell } from "lucide-react";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useEffect, useState } from "react";

/** How often the bell asks for the unread count while the page is visible: new notifications show within this. */
export const BELL_POLL_MS = 30_000;

/**
 * The header's bell: a link to /notifications with the unread count, asked for once the page is shown, every 30 seconds
 * while it stays visible, and on every navigation (one indexed count per request; nothing while the tab is hidden).
 */
export function NotificationBell() {
  const [unread, setUnread] = useState<number | null>(null);
  const pathname = usePathname();
  useEffect(() => {
    let stopped = false;
    const load = async () => {
      if (document.visibilityState !== "visible") return;
      const response = await fetch("/api/notifications?limit=0", { credentials: "same-origin", cache: "no-store" }).catch(() => null);
      if (!response?.ok || stopped) return;
      const data = (await response.json().catch(() => null)) as { unreadCount?: number } | null;
      if (typeof data?.unreadCount === "number" && !stopped) setUnread(data.unreadCount);
    };
    void load();
    const timer = setInterval(() => void load(), BELL_POLL_MS);
    const onVisible = () => void load();
    document.addEventListener("visibilitychange", onVisible);
    window.addEventListener("notifications-read", onVisible);
    return () => {
      stopped = true;
      clearInterval(timer);
      document.removeEventListener("visibilitychange", onVisible);
      window.removeEventListener("notifications-read", onVisible);
    };
  }, [pathname]);
  const label = unread ? `Notifications, ${unread} unread` : "Notifications";
  return (
    <Link
      href="/notifications"
      aria-label={label}
      className="relative flex items-center rounded-md p-1.5 text-slate-700 hover:bg-slate-100 hover:text-slate-900 dark:text-slate-200 dark:hover:bg-slate-800 dark:hover:text-white"
    >
      <Bell aria-hidden="true" className="h-5 w-5" />
      {unread ? (
        <span
          aria-hidden="true"
          data-testid="unread-count"
          className="absolute -right-1 -top-1 min-w-5 rounded-full bg-red-700 px-1 text-center text-xs font-semibold leading-5 text-white"
        >
          {unread > 99 ? "99+" : unread}
        </span>
      ) : null}
    </Link>
  );
}
