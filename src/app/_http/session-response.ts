import "server-only";
import { NextResponse } from "next/server";
import { sessionCookie } from "@/lib/auth/session-cookie";
import type { SignedInAccount } from "@/lib/users/session-user";

/** The public view of a user in API answers: never a hash, never a token. */
export const publicUser = (user: SignedInAccount) => ({ id: user.id, name: user.name, email: user.email, role: user.role });

/** A JSON answer that also starts (or renews) the user's session. */
export async function respondWithSession(user: SignedInAccount, body: Record<string, unknown>, status = 200) {
  const response = NextResponse.json({ user: publicUser(user), ...body }, { status });
  const cookie = await sessionCookie(user);
  response.cookies.set(cookie.name, cookie.value, cookie.options);
  return response;
}
