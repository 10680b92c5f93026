import { eq } from "drizzle-orm";
import { db } from "@/lib/db/client";
import { users, type UserRole } from "@/lib/db/schema";
import { loadSessionUser, type SignedInAccount } from "@/lib/users/session-user";

let counter = 0;

/** A user row straight in the test database: onboarded, verified, active, no password unless a hash is given. */
export async function insertUser(
  fields: { role?: UserRole; email?: string; passwordHash?: string; disabled?: boolean; onboarded?: boolean; verified?: boolean } = {},
): Promise<SignedInAccount> {
  counter += 1;
  const [row] = await db
    .insert(users)
    .values({
      email: fields.email ?? `user${counter}-${Date.now()}@example.test`,
      name: `User ${counter}`,
      role: fields.role ?? "LEARNER",
      passwordHash: fields.passwordHash ?? null,
      onboardedAt: fields.onboarded === false ? null : new Date(),
      emailVerified: fields.verified === false ? null : new Date(),
      disabledAt: fields.disabled ? new Date() : null,
    })
    .returning({ id: users.id });
  return (await loadSessionUser(row!.id))!;
}

export async function userRow(id: string) {
  const [row] = await db.select().from(users).where(eq(users.id, id));
  return row!;
}
