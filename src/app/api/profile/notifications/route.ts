import { NextResponse } from "next/server";
import { route } from "@/app/_http/route";
import { getNotificationPreferences, setNotificationPreferences } from "@/lib/notifications/notifications";
import { notificationPreferencesSchema } from "@/lib/validation/notifications";

/** Every kind of notification with the user's choice per channel (on unless turned off). */
export const GET = route({ access: "user" }, async ({ viewer }) => NextResponse.json(await getNotificationPreferences(viewer)));

/** { preferences: [{ kind, channel, enabled }] } saves those choices; security mail cannot be turned off (400). */
export const PUT = route({ access: "user", body: notificationPreferencesSchema }, async ({ viewer, body }) =>
  NextResponse.json(await setNotificationPreferences(viewer, body)),
);
