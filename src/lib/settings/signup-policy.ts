import "server-only";
import { eq } from "drizzle-orm";
import { db } from "@/lib/db/client";
import { users } from "@/lib/db/schema";
import { getSettings, type Settings } from "./settings";

export const INVITATION_ONLY_MESSAGE = "Sign-up is by invitation only. Ask your school's administrator for an invitation.";

const domainOf = (email: string) => email.slice(email.lastIndexOf("@") + 1).toLowerCase();

/** "school.example", "school.example or other.example", "a.example, b.example or c.example". */
const listOf = (domains: string[]) => (domains.length < 2 ? domains.join("") : `${domains.slice(0, -1).join(", ")} or ${domains.at(-1)}`);

/**
 * Why this address may not make an account by itself (password sign-up, or a magic link to an unknown address), or
 * null when it may. It depends on the address's domain only, never on whether it has an account, so a refusal tells
 * nothing about who is signed up. "domains" matches the listed domains exactly (a sub-domain is listed on its own).
 * Invitations make accounts through their own path and do not ask this.
 */
export function signUpRefusal(settings: Settings, email: string): string | null {
  if (settings.signupPolicy === "open") return null;
  if (settings.signupPolicy === "invitation") return INVITATION_ONLY_MESSAGE;
  if (settings.signupDomains.includes(domainOf(email))) return null;
  return `Sign-up is open to addresses at ${listOf(settings.signupDomains)} only. Ask your school's administrator for an invitation.`;
}

/** The current policy's refusal for this address (through the settings cache), or null. */
export const currentSignUpRefusal = async (email: string) => signUpRefusal(await getSettings(), email);

/**
 * Whether a magic link for this address may go out and sign in (Auth.js's signIn callback, asked as the link is sent
 * and again as it is opened): an existing account that is not disabled, or an unknown address the sign-up policy lets
 * make an account. Auth.js creates the account only after this says yes, so under "invitation" (and outside the
 * domains under "domains") a magic link never creates one. The caller answers the same either way.
 */
export async function magicLinkMaySignIn(email: string): Promise<boolean> {
  const address = email.toLowerCase();
  const [row] = await db.select({ disabledAt: users.disabledAt }).from(users).where(eq(users.email, address)).limit(1);
  if (row) return row.disabledAt === null;
  return (await currentSignUpRefusal(address)) === null;
}
