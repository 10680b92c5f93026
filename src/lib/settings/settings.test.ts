import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { withTestDatabase } from "../../../tests/helpers/test-database";
import { withMailWorker } from "../../../tests/helpers/mail-worker";
import { insertUser } from "../../../tests/helpers/user-fixtures";
import { db } from "@/lib/db/client";
import { appSettings, users } from "@/lib/db/schema";
import { settingsUpdateSchema } from "@/lib/validation/settings";
import { signUpWithPassword } from "@/lib/users/sign-up-with-password";
import { createSettingsCache, dropSettingsCache, getSettings, loadSettings, SETTINGS_TTL_MS, updateSettings } from "./settings";
import { INVITATION_ONLY_MESSAGE, magicLinkMaySignIn, signUpRefusal } from "./signup-policy";

const database = withTestDatabase();
withMailWorker(database);

// The per-instance cache lives on globalThis: each test starts from what the (emptied) database says.
beforeEach(() => dropSettingsCache());

const signUp = (email: string) =>
  signUpWithPassword({ name: "New", email, password: "violet-copper-kettle" }, `198.51.100.${Math.floor(Math.random() * 250)}`);
const accountOf = async (email: string) => (await db.select({ id: users.id }).from(users).where(eq(users.email, email)))[0];

describe("settings", () => {
  it("are the defaults (open, no domains) while the row is missing", async () => {
    expect(await db.select().from(appSettings)).toHaveLength(0);
    expect(await getSettings()).toEqual({ signupPolicy: "open", signupDomains: [] });
  });

  it("are changed by an admin only; the row is made on the first change and this instance sees it at once", async () => {
    const admin = await insertUser({ role: "ADMIN" });
    const learner = await insertUser();
    expect(await getSettings()).toMatchObject({ signupPolicy: "open" });
    await expect(updateSettings(learner, { signupPolicy: "invitation" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await updateSettings(admin, { signupPolicy: "invitation" });
    expect(await getSettings()).toEqual({ signupPolicy: "invitation", signupDomains: [] });
    const [row] = await db.select().from(appSettings);
    expect(row).toMatchObject({ id: 1, signupPolicy: "invitation", updatedBy: admin.id });
  });

  it('refuses "domains" without a domain, keeps the stored domains when only the policy is sent, and lower-cases domains', async () => {
    const admin = await insertUser({ role: "ADMIN" });
    await expect(updateSettings(admin, { signupPolicy: "domains" })).rejects.toMatchObject({
      code: "VALIDATION_FAILED",
      options: { fields: { signupDomains: expect.stringMatching(/at least one domain/) } },
    });
    expect(await db.select().from(appSettings)).toHaveLength(0);
    const parsed = settingsUpdateSchema.parse({ signupDomains: [" School.Example ", "@school.example", "Other.EXAMPLE"] });
    expect(parsed.signupDomains).toEqual(["school.example", "other.example"]);
    await updateSettings(admin, parsed);
    expect(await updateSettings(admin, { signupPolicy: "domains" })).toEqual({
      signupPolicy: "domains",
      signupDomains: ["school.example", "other.example"],
    });
    for (const bad of ["not a domain", "school", "-x.example", "a@b.example", ""]) {
      expect(settingsUpdateSchema.safeParse({ signupDomains: [bad] }).success, bad).toBe(false);
    }
    expect(settingsUpdateSchema.safeParse({ signupPolicy: "closed" }).success).toBe(false);
    expect(settingsUpdateSchema.safeParse({}).success).toBe(false);
    expect(settingsUpdateSchema.safeParse({ signupPolicy: "domains", signupDomains: [] }).error?.issues[0]).toMatchObject({
      path: ["signupDomains"],
      message: expect.stringMatching(/at least one domain/),
    });
  });
});

describe("the settings cache's staleness bound", () => {
  it("serves what it read for at most the TTL (5 s), then reads the row again; a drop reads at once", async () => {
    expect(SETTINGS_TTL_MS).toBe(5_000);
    let clock = 1_000_000;
    let reads = 0;
    const cache = createSettingsCache(
      async () => {
        reads += 1;
        return loadSettings();
      },
      SETTINGS_TTL_MS,
      () => clock,
    );
    expect(await cache.get()).toMatchObject({ signupPolicy: "open" });
    // Another instance changes the row: this one does not know.
    await db.insert(appSettings).values({ id: 1, signupPolicy: "invitation" });
    clock += SETTINGS_TTL_MS - 1;
    expect(await cache.get()).toMatchObject({ signupPolicy: "open" });
    expect(reads).toBe(1);
    clock += 1;
    expect(await cache.get()).toMatchObject({ signupPolicy: "invitation" });
    expect(reads).toBe(2);
    await db.update(appSettings).set({ signupPolicy: "open" });
    cache.drop();
    expect(await cache.get()).toMatchObject({ signupPolicy: "open" });
    expect(reads).toBe(3);
  });

  it("does not keep a read that a drop overtook", async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let value = "open" as "open" | "invitation";
    const cache = createSettingsCache(async () => {
      const seen = value;
      await gate;
      return { signupPolicy: seen, signupDomains: [] };
    });
    const first = cache.get();
    value = "invitation";
    cache.drop();
    release();
    expect(await first).toMatchObject({ signupPolicy: "open" });
    expect(await cache.get()).toMatchObject({ signupPolicy: "invitation" });
  });
});

describe("the sign-up policy", () => {
  it("open: anyone signs up, and a magic link may make an account", async () => {
    expect(signUpRefusal({ signupPolicy: "open", signupDomains: [] }, "a@anywhere.example")).toBeNull();
    await signUp("open@anywhere.example");
    expect(await accountOf("open@anywhere.example")).toBeDefined();
    expect(await magicLinkMaySignIn("stranger@anywhere.example")).toBe(true);
  });

  it("domains: an address of a listed domain signs up; another is refused (403 naming the domains) and nothing is written", async () => {
    const admin = await insertUser({ role: "ADMIN" });
    await updateSettings(admin, { signupPolicy: "domains", signupDomains: ["school.example", "staff.school.example"] });
    await signUp("Pupil@School.Example".toLowerCase());
    expect(await accountOf("pupil@school.example")).toBeDefined();
    await expect(signUp("pupil@elsewhere.example")).rejects.toMatchObject({
      code: "FORBIDDEN",
      status: 403,
      userMessage: expect.stringContaining("school.example or staff.school.example"),
    });
    await expect(signUp("pupil@sub.school.example")).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await accountOf("pupil@elsewhere.example")).toBeUndefined();
    // A known address outside the domains is refused the same as an unknown one: the refusal reveals nothing.
    await insertUser({ email: "known@elsewhere.example" });
    await expect(signUp("known@elsewhere.example")).rejects.toMatchObject({
      code: "FORBIDDEN",
      userMessage: expect.stringContaining("school.example"),
    });
    // Magic links: an account of any domain signs in; an unknown address makes one only in a listed domain.
    expect(await magicLinkMaySignIn("known@elsewhere.example")).toBe(true);
    expect(await magicLinkMaySignIn("new@elsewhere.example")).toBe(false);
    expect(await magicLinkMaySignIn("new@school.example")).toBe(true);
  });

  it("invitation: sign-up is refused with the invitation-only message, and a magic link signs in existing accounts only", async () => {
    const admin = await insertUser({ role: "ADMIN" });
    const member = await insertUser({ email: "member@school.example" });
    const disabled = await insertUser({ email: "gone@school.example", disabled: true });
    await updateSettings(admin, { signupPolicy: "invitation" });
    await expect(signUp("someone@school.example")).rejects.toMatchObject({ code: "FORBIDDEN", userMessage: INVITATION_ONLY_MESSAGE });
    await expect(signUp(member.email)).rejects.toMatchObject({ code: "FORBIDDEN", userMessage: INVITATION_ONLY_MESSAGE });
    expect(await accountOf("someone@school.example")).toBeUndefined();
    expect(await magicLinkMaySignIn("Member@School.example")).toBe(true);
    expect(await magicLinkMaySignIn(disabled.email)).toBe(false);
    expect(await magicLinkMaySignIn("someone@school.example")).toBe(false);
    await updateSettings(admin, { signupPolicy: "open" });
    expect(await magicLinkMaySignIn("someone@school.example")).toBe(true);
  });
});
