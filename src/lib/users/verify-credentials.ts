import "server-only";
import { eq } from "drizzle-orm";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { db } from "@/lib/db/client";
import { users } from "@/lib/db/schema";
import { AppError } from "@/lib/http/errors";
import { consume, countInWindow, enforceLimits, limits, signInSlowdownMs } from "@/lib/rate-limit/rate-limit";
import type { SignInInput } from "@/lib/validation/auth";
import { loadSessionUser, type SignedInAccount } from "./session-user";

export const WRONG_CREDENTIALS = "Wrong e-mail address or password.";

let dummyHash: Promise<string> | undefined;

/**
 * Checks an e-mail and password. A wrong e-mail and a wrong password get the same answer after the same bcrypt work,
 * so neither the message nor the timing tells whether an account exists.
 */
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export async function verifyCredentials(
  input: SignInInput,
  ip: string,
  { wait = sleep, now = Date.now() }: { wait?: (ms: number) => Promise<void>; now?: number } = {},
): Promise<SignedInAccount> {
  await enforceLimits(limits.signIn(ip, input.email), "sign-in attempts", now);
  const slowdown = signInSlowdownMs(await countInWindow(limits.failedSignIns, now));
  if (slowdown > 0) await wait(slowdown);
  const [row] = await db
    .select({ id: users.id, passwordHash: users.passwordHash, disabledAt: users.disabledAt })
    .from(users)
    .where(eq(users.email, input.email))
    .limit(1);
  dummyHash ??= hashPassword("budhhub-timing-equaliser");
  const matches = await verifyPassword(input.password, row?.passwordHash ?? (await dummyHash));
  if (!row || !row.passwordHash || !matches) {
    await consume(limits.failedSignIns, now);
    throw new AppError("UNAUTHORIZED", WRONG_CREDENTIALS);
  }
  if (row.disabledAt) throw new AppError("UNAUTHORIZED", "This account is disabled. Contact your administrator.");
  return (await loadSessionUser(row.id))!;
}
