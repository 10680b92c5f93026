import "server-only";
import { encode } from "next-auth/jwt";
import type { SignedInAccount } from "@/lib/users/session-user";
import { SESSION_MAX_AGE_SECONDS, sessionCookieName, useSecureCookies } from "./auth.config";
import { getAuthSecret } from "./secret";

/**
 * The session cookie our JSON sign-in and sign-up routes set: the same JWT Auth.js issues and reads (same secret, same
 * salt, same cookie), so `auth()` accepts it like any other session.
 */
export async function sessionCookie(user: SignedInAccount) {
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
      sv: user.sessionVersion,
    },
  });
  return {
    name: sessionCookieName,
    value,
    options: {
      httpOnly: true,
      sameSite: "lax" as const,
      secure: useSecureCookies,
      path: "/",
      maxAge: SESSION_MAX_AGE_SECONDS,
    },
  };
}
