"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, type ReactNode } from "react";
import { toast } from "sonner";
import { buttonStyles } from "@/components/ui/button-styles";
import { sendJson } from "@/lib/http/client-json";

const markRead = (body: { ids: string[] } | { all: true }) => sendJson<{ unreadCount: number }>("/api/notifications/read", body);

/** A notification's link: following it marks the notification read (the link works without scripts, unmarked). */
export function NotificationLink({ id, href, unread, children }: { id: string; href: string; unread: boolean; children: ReactNode }) {
  return (
    <Link
      href={href}
      className="font-semibold text-indigo-700 underline-offset-2 hover:underline dark:text-indigo-300"
      onClick={() => {
        if (unread) void markRead({ ids: [id] }).then(() => window.dispatchEvent(new Event("notifications-read")));
      }}
    >
      {children}
    </Link>
  );
}

/** Marks every notification read, then refreshes the list and the bell. */
export function MarkAllRead() {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  return (
    <button
      type="button"
      className={buttonStyles.secondary}
      disabled={pending}
      onClick={async () => {
        setPending(true);
        const result = await markRead({ all: true });
        setPending(false);
        if (!result.ok) {
          toast.error(result.error.message);
          return;
        }
        toast.success("Every notification is marked read.");
        window.dispatchEvent(new Event("notifications-read"));
        router.refresh();
      }}
    >
      Mark all read
    </button>
  );
}
