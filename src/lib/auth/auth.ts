import "server-only";
import { DrizzleAdapter } from "@auth/drizzle-adapter";
import NextAuth, { type NextAuthConfig } from "next-auth";
import type { Adapter } from "next-auth/adapters";
import Nodemailer from "next-auth/providers/nodemailer";
import { env } from "@/env";
import { db, getConnection } from "@/lib/db/client";
import { accounts, users, verificationTokens } from "@/lib/db/schema";
import { noteDatabaseOutage } from "@/lib/http/database-outage";
import { clientIp } from "@/lib/http/request";
import { log } from "@/lib/log/logger";
import { keyPart, queueMail } from "@/lib/mail/outgoing";
import { enforceLimits, limits } from "@/lib/rate-limit/rate-limit";
import { magicLinkMaySignIn } from "@/lib/settings/signup-policy";
import { applyVerifiedAddress } from "@/lib/users/email-verification";
import { isDatabaseUnavailable } from "@/lib/http/service-unavailable";
import { loadSignedInSession } from "@/lib/users/session-user";
import { endUserSession, startUserSession, touchUserSession } from "@/lib/users/user-sessions";
import { authPages, MAGIC_LINK_MAX_AGE_SECONDS, SESSION_MAX_AGE_SECONDS, useSecureCookies } from "./auth.config";
import { getAuthSecret } from "./secret";
import { sessionDevice } from "./session-device";

/** The link Auth.js built, pointed at APP_URL, so that a forged Host header can never end up in a mail. */
export function onAppOrigin(link: string) {
  const url = new URL(link);
  const app = new URL(env.appUrl);
  url.protocol = app.protocol;
  url.host = app.host;
  return url.toString();
}

/**
 * Auth.js: JWT sessions in HttpOnly SameSite=Lax cookies, magic links by mail (tokens stored hashed by Auth.js, used
 * once, 15 minutes). Password sign-in and sign-up are our own JSON routes, which issue the same session cookie.
 * Every token names its session, one row of user_sessions per signed-in device, and every read of the session reloads
 * the user with that row: role changes and disabling apply on the next request, and a session whose row is gone (signed
 * out on this device or from another, a password changed or reset) is over, whichever copy of the cookie comes back.
 *
 * The configuration is made per request (Auth.js passes the request to its own route handlers, and nothing elsewhere):
 * a magic-link sign-in records the device it came from.
 */
/**
 * The adapter, made once: the configuration below is made per request, and building the adapter builds its Drizzle
 * table objects again (about 5 % of the CPU time of a page, measured under load, before visitors stopped reading the
 * session at all).
 */
let made: { db: unknown; adapter: Adapter } | undefined;
function adapterOnce(): Adapter {
  // Keyed on the connection: tests open a database of their own.
  const { db } = getConnection();
  if (made?.db !== db) {
    made = { db, adapter: DrizzleAdapter(db, { usersTable: users, accountsTable: accounts, verificationTokensTable: verificationTokens }) };
  }
  return made.adapter;
}

const config = (request?: Request): NextAuthConfig => ({
  secret: getAuthSecret(),
  trustHost: true,
  useSecureCookies,
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  pages: authPages,
  adapter: adapterOnce(),
  providers: [
    Nodemailer({
      server: { host: "localhost", port: 25 },
      from: env.MAIL_FROM,
      maxAge: MAGIC_LINK_MAX_AGE_SECONDS,
      async sendVerificationRequest({ identifier, url, request }) {
        await enforceLimits(limits.mail("magic", clientIp(request), identifier), "sign-in links requested");
        // Account mail (it signs in): no List-Unsubscribe. Queued: the request never waits on SMTP.
        await queueMail({ to: identifier, template: "magicLink", props: { link: onAppOrigin(url) } }, { key: `magic:${keyPart(url)}` });
      },
    }),
  ],
  callbacks: {
    // Asked as a link is sent and as it is opened, before Auth.js creates a new user: the sign-up policy decides.
    async signIn({ user }) {
      return user.email ? magicLinkMaySignIn(user.email) : false;
    },
    async jwt({ token, user }) {
      const id = user?.id ?? token.sub;
      if (!id) return null;
      // `user` is there only as a magic link signs in: that starts this device's session.
      if (user) token.sid = await startUserSession(id, request ? sessionDevice(request) : { userAgent: null, ip: null });
      // One query: the user, and the row of this token's session. A token without a session id (made before sessions
      // had rows) has none, so those sessions end and their users sign in again.
      let session: Awaited<ReturnType<typeof loadSignedInSession>>;
      try {
        session = await loadSignedInSession(id, token.sid);
        if (session && !session.account.disabled) await touchUserSession(session.sessionId, session.lastSeenAt);
      } catch (error) {
        // The database is away for a moment: the session is neither valid nor over. Auth.js would treat a throw as a
        // broken token and clear the cookie, signing the user out; instead the request is answered 503 (currentViewer,
        // the proxy) and the cookie kept, unchanged but for this mark, which the next successful read removes.
        if (!isDatabaseUnavailable(error)) throw error;
        noteDatabaseOutage();
        token.databaseUnavailable = true;
        return token;
      }
      if (!session || session.account.disabled) return null;
      delete token.databaseUnavailable;
      const fresh = session.account;
      token.sub = fresh.id;
      token.name = fresh.name;
      token.email = fresh.email;
      token.role = fresh.role;
      token.onboarded = fresh.onboarded;
      token.verified = fresh.emailVerified;
      return token;
    },
    session({ session, token }) {
      session.user.id = token.sub!;
      session.user.role = token.role;
      session.user.onboarded = token.onboarded;
      session.user.verified = token.verified;
      session.sessionId = token.sid!;
      if (token.databaseUnavailable) session.databaseUnavailable = true;
      return session;
    },
  },
  events: {
    // A JWT cannot be recalled, so signing out deletes the row of the session it names: the cookie just cleared, and
    // any copy of it, stop working. The user's other devices keep their sessions.
    async signOut(message) {
      const token = "token" in message ? message.token : null;
      if (token?.sub) await endUserSession(token.sub, token.sid);
    },
    // A magic link proves the address: Auth.js sets email_verified as it creates or signs in the user.
    async createUser({ user }) {
      if (user.id) await applyVerifiedAddress(db, user.id);
    },
    async updateUser({ user }) {
      if (user.id) await applyVerifiedAddress(db, user.id);
    },
  },
  logger: {
    error: (error) => log("AUTH").error({ err: error }, "auth error"),
    warn: (code) => log("AUTH").warn({ code }, "auth warning"),
  },
});

const nextAuth = NextAuth(config);
export const { auth, signIn, signOut } = nextAuth;

/** Auth.js's own route handlers (src/app/api/auth/[...nextauth]/route.ts puts the request on APP_URL's origin first). */
export const authHandlers = nextAuth.handlers;
