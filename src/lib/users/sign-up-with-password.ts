import "server-only";
import { eq } from "drizzle-orm";
import { env } from "@/env";
import { assertAcceptablePassword } from "@/lib/auth/password-policy";
import { hashPassword } from "@/lib/auth/password";
import { db } from "@/lib/db/client";
import { users } from "@/lib/db/schema";
import { AppError } from "@/lib/http/errors";
import { enforceLimits, limits } from "@/lib/rate-limit/rate-limit";
import type { SignUpInput } from "@/lib/validation/auth";
import { loadSessionUser, type SessionUser } from "./session-user";

/** Creates an account that still has to pick its role (onboarding). Addresses in ADMIN_EMAILS become admins. */
export async function signUpWithPassword(input: SignUpInput, ip: string): Promise<SessionUser> {
  await enforceLimits(limits.signUp(ip), "sign-ups from your network");
  assertAcceptablePassword(input.password);
  const passwordHash = await hashPassword(input.password);
  const role = env.adminEmails.includes(input.email) ? "ADMIN" : "LEARNER";
  const [created] = await db
    .insert(users)
    .values({ email: input.email, name: input.name, passwordHash, role })
    .onConflictDoNothing({ target: users.email })
    .returning({ id: users.id });
  if (!created) {
    throw new AppError("CONFLICT", "An account with this e-mail address already exists. Sign in instead.", {
      fields: { email: "An account with this e-mail address already exists." },
    });
  }
  return (await loadSessionUser(created.id))!;
}

export async function emailExists(email: string) {
  const [row] = await db.select({ id: users.id }).from(users).where(eq(users.email, email));
  return Boolean(row);
}
