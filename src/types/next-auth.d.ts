import type { DefaultSession } from "next-auth";
import type { UserRole } from "@/lib/db/schema";

declare module "next-auth" {
  interface Session {
    user: { id: string; role: UserRole; onboarded: boolean; verified: boolean } & DefaultSession["user"];
  }
}

declare module "@auth/core/jwt" {
  interface JWT {
    role: UserRole;
    onboarded: boolean;
    verified: boolean;
    /** The user's session_version when the token was issued; a mismatch ends the session. */
    sv: number;
  }
}
