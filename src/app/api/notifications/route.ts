import { NextResponse } from "next/server";
import { route } from "@/app/_http/route";
import { listNotifications } from "@/lib/notifications/notifications";
import { notificationListQuerySchema } from "@/lib/validation/notifications";

/** The signed-in user's notifications, newest first (?unread=1, ?cursor= from nextCursor, ?limit=0 for the count only). */
export const GET = route({ access: "user", query: notificationListQuerySchema }, async ({ viewer, query }) =>
  NextResponse.json(await listNotifications(viewer, query), { headers: { "cache-control": "private, no-store" } }),
);
