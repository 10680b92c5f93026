import type { BrowserContext } from "playwright-core";
import { approveTeaching, outboxCount, waitForOutboxMail } from "./api-client";
import { baseUrl } from "./base-url";
import { linkIn } from "./mail-text";

/**
 * A new account made in a browser context through the JSON API, as a person makes one: sign up, confirm the address
 * with the link from the outbox (which signs the context in), onboard. Wanting to teach files a request that the demo
 * admin approves. Returns the user's id.
 */
export async function signUpInContext(
  context: BrowserContext,
  account: { name: string; email: string; password: string; role?: "LEARNER" | "INSTRUCTOR" },
): Promise<string> {
  const headers = { origin: baseUrl() };
  const seen = outboxCount(account.email);
  const signUp = await context.request.post(`${baseUrl()}/api/auth/signup`, {
    data: { name: account.name, email: account.email, password: account.password },
    headers,
  });
  if (signUp.status() !== 202) throw new Error(`sign-up answered ${signUp.status()}: ${await signUp.text()}`);
  const link = new URL(linkIn(await waitForOutboxMail(account.email, { seen }), "/verify-email"));
  const verified = await context.request.post(`${baseUrl()}/api/auth/verify-email`, {
    data: { token: link.searchParams.get("token") },
    headers,
  });
  if (verified.status() !== 200) throw new Error(`verification answered ${verified.status()}: ${await verified.text()}`);
  const { user } = (await verified.json()) as { user: { id: string } };
  if (account.role) {
    const onboarded = await context.request.post(`${baseUrl()}/api/onboarding`, {
      data: { name: account.name, role: account.role },
      headers,
    });
    if (onboarded.status() !== 200) throw new Error(`onboarding answered ${onboarded.status()}: ${await onboarded.text()}`);
    if (account.role === "INSTRUCTOR") {
      await approveTeaching(((await onboarded.json()) as { instructorRequest: { id: string } }).instructorRequest.id);
    }
  }
  return user.id;
}

/** Signs a browser context in with an existing account's password, through the JSON API (as the sign-in form does). */
export async function signInContext(context: BrowserContext, account: { email: string; password: string }): Promise<void> {
  const answer = await context.request.post(`${baseUrl()}/api/auth/signin`, {
    data: { email: account.email, password: account.password },
    headers: { origin: baseUrl() },
  });
  if (answer.status() !== 200) throw new Error(`sign-in answered ${answer.status()}: ${await answer.text()}`);
}
