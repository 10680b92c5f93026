import { NextResponse } from "next/server";
import { route } from "@/app/_http/route";
import { respondSignedOut } from "@/app/_http/session-response";
import { endAllSessionsOf, listUserSessions } from "@/lib/users/user-sessions";

/** The devices the user is signed in on, this one marked `current`. */
export const GET = route({ access: "user" }, async ({ viewer }) => NextResponse.json({ sessions: await listUserSessions(viewer) }));

/** "Sign out everywhere": every session of the user ends, this one too (its cookie is cleared). */
export const DELETE = route({ access: "user" }, async ({ viewer }) => {
  await endAllSessionsOf(viewer);
  return respondSignedOut();
});
