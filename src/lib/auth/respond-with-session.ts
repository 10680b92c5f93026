import "server-only";
import { NextResponse } from "next/server";
import type { SessionUser } from "@/lib/users/session-user";
import { sessionCookie } from "./session-cookie";

/** The public view of a user in API answers: never a hash, never a token. */
export const publicUser = (user: SessionUser) => ({ id: user.id, name: user.name, email: user.email, role: user.role });

/** A JSON answer that also starts (or renews) the user's session. */
export async function respondWithSession(user: SessionUser, body: Record<string, unknown>, status = 200) {
  const response = NextResponse.json({ user: publicUser(user), ...body }, { status });
  const cookie = await sessionCookie(user);
  response.cookies.set(cookie.name, cookie.value, cookie.options);
  return response;
}
