import "server-only";
import { NextResponse } from "next/server";
import { clearedSessionCookie, sessionCookie } from "@/lib/auth/session-cookie";
import { sessionDevice } from "@/lib/auth/session-device";
import type { SignedInAccount } from "@/lib/users/session-user";
import { startUserSession } from "@/lib/users/user-sessions";

/** The public view of a user in API answers: never a hash, never a token. */
export const publicUser = (user: SignedInAccount) => ({ id: user.id, name: user.name, email: user.email, role: user.role });

/**
 * A JSON answer that also signs this device in: a session (a row of user_sessions, with the request's browser and
 * address) and the cookie that names it. An account that comes with its session already (a password change renews this
 * device's session in the same transaction that ends the others) gets the cookie of that one.
 */
export async function respondWithSession(request: Request, user: SignedInAccount, body: Record<string, unknown>, status = 200) {
  const sessionId = user.sessionId ?? (await startUserSession(user.id, sessionDevice(request)));
  const response = NextResponse.json({ user: publicUser(user), ...body }, { status });
  const cookie = await sessionCookie(user, sessionId);
  response.cookies.set(cookie.name, cookie.value, cookie.options);
  return response;
}

/** An empty answer that signs this device out: its session has ended, and the browser drops the cookie. */
export function respondSignedOut(status = 204) {
  const response = new NextResponse(null, { status });
  const cookie = clearedSessionCookie();
  response.cookies.set(cookie.name, cookie.value, cookie.options);
  return response;
}
