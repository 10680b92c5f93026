import "server-only";
import { encode } from "next-auth/jwt";
import type { SignedInAccount } from "@/lib/users/session-user";
import { SESSION_MAX_AGE_SECONDS, sessionCookieName, useSecureCookies } from "./auth.config";
import { getAuthSecret } from "./secret";

const cookieOptions = {
  httpOnly: true,
  sameSite: "lax" as const,
  secure: useSecureCookies,
  path: "/",
};

/**
 * The session cookie our JSON sign-in routes set: the same JWT Auth.js issues and reads (same secret, same salt, same
 * cookie), so `auth()` accepts it like any other session. It names the session (user_sessions.id) it belongs to.
 */
export async function sessionCookie(user: SignedInAccount, sessionId: string) {
  const value = await encode({
    secret: getAuthSecret(),
    salt: sessionCookieName,
    maxAge: SESSION_MAX_AGE_SECONDS,
    token: {
      sub: user.id,
      name: user.name,
      email: user.email,
      role: user.role,
      onboarded: user.onboarded,
      verified: user.emailVerified,
      sid: sessionId,
    },
  });
  return { name: sessionCookieName, value, options: { ...cookieOptions, maxAge: SESSION_MAX_AGE_SECONDS } };
}

/** The same cookie, emptied: for an answer that ends the session of the request. */
export const clearedSessionCookie = () => ({ name: sessionCookieName, value: "", options: { ...cookieOptions, maxAge: 0 } });
