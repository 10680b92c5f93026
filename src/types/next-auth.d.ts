import type { DefaultSession } from "next-auth";
import type { UserRole } from "@/lib/db/schema";

declare module "next-auth" {
  interface Session {
    user: { id: string; role: UserRole; onboarded: boolean; verified: boolean } & DefaultSession["user"];
    /** The signed-in device (user_sessions.id) the cookie belongs to. */
    sessionId: string;
    /** The database could not be reached to check the session: answer 503, neither signed in nor out. */
    databaseUnavailable?: true;
  }
}

declare module "@auth/core/jwt" {
  interface JWT {
    role: UserRole;
    onboarded: boolean;
    verified: boolean;
    /** The session (user_sessions.id) the token belongs to; without its row, or without the claim, the session is over. */
    sid?: string;
    /** Set by a session check that could not reach the database (see auth.ts); removed by the next one that can. */
    databaseUnavailable?: true;
  }
}
