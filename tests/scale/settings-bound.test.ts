import { describe, expect, it } from "vitest";
import { ApiClient, demoAdmin, strongPassword, uniqueEmail } from "../helpers/api-client";
import { describeStaleness, scale, timeUntil, type Staleness } from "./scale-env";

/**
 * The sign-up settings are cached 5 s per instance (src/lib/settings/settings.ts, SETTINGS_TTL_MS): a policy changed
 * through A must be applied by B within those 5 s, both ways. Each probe is a sign-up on B from an address of its own.
 */
const SETTINGS_BOUND_MS = 5000;

const signUpOnB = async () =>
  (await new ApiClient(scale.b).signUp({ email: uniqueEmail("scale-policy"), password: strongPassword() })).status;

describe("sign-up settings across instances", () => {
  it("a policy changed on A is applied by B within 5 s", async () => {
    const adminOnA = await demoAdmin(scale.a);
    expect(await signUpOnB()).toBe(202);
    let closed: Staleness | undefined;
    try {
      expect((await adminOnA.patch("/api/admin/settings", { signupPolicy: "invitation" })).status).toBe(200);
      closed = await timeUntil(async () => (await signUpOnB()) === 403, { everyMs: 200 });
    } finally {
      expect((await adminOnA.patch("/api/admin/settings", { signupPolicy: "open" })).status).toBe(200);
    }
    // Other files sign up on B: wait until it is open again, and that too within the bound.
    const opened = await timeUntil(async () => (await signUpOnB()) === 202, { everyMs: 200 });
    console.info(
      `[scale] sign-up policy changed on A, on B: invitation-only ${describeStaleness(closed!)}; open again ${describeStaleness(opened)}`,
    );
    // A sign-up sent to B later than the bound after the change must not be judged by the old policy.
    expect(closed!.staleMs).toBeLessThan(SETTINGS_BOUND_MS);
    expect(opened.staleMs).toBeLessThan(SETTINGS_BOUND_MS);
  });
});
