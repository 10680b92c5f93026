import { NextResponse } from "next/server";
import { route } from "@/app/_http/route";
import { markNotificationsRead } from "@/lib/notifications/notifications";
import { readNotificationsSchema } from "@/lib/validation/notifications";

/** { ids } marks those of the user's notifications read (others' ids change nothing); { all: true } marks every one. */
export const POST = route({ access: "user", body: readNotificationsSchema }, async ({ viewer, body }) =>
  NextResponse.json(await markNotificationsRead(viewer, body)),
);
