import "server-only";
import { eq, sql } from "drizzle-orm";
import { db } from "@/lib/db/client";
import { users } from "@/lib/db/schema";

/**
 * For `npm run admin:create`: makes the address an admin, creating the account (onboarded, no password yet) if it does
 * not exist, and enabling it if it was disabled. Run by whoever operates the server, so it asks for no session.
 */
export async function makeAdmin(email: string): Promise<{ id: string; created: boolean; hasPassword: boolean }> {
  const now = new Date();
  return db.transaction(async (tx) => {
    const [existing] = await tx
      .select({ id: users.id, passwordHash: users.passwordHash })
      .from(users)
      .where(eq(users.email, email))
      .for("update");
    if (existing) {
      await tx
        .update(users)
        .set({
          role: "ADMIN",
          disabledAt: null,
          onboardedAt: sql`coalesce(${users.onboardedAt}, now())`,
          // The operator vouches for the address.
          emailVerified: sql`coalesce(${users.emailVerified}, now())`,
          updatedAt: now,
        })
        .where(eq(users.id, existing.id));
      return { id: existing.id, created: false, hasPassword: existing.passwordHash !== null };
    }
    const [created] = await tx
      .insert(users)
      .values({ email, role: "ADMIN", onboardedAt: now, emailVerified: now })
      .returning({ id: users.id });
    return { id: created!.id, created: true, hasPassword: false };
  });
}
