import fs from "node:fs";
import { eq, inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { readMail } from "../../../tests/helpers/mail-text";
import { withTestDatabase } from "../../../tests/helpers/test-database";
import { withMailWorker } from "../../../tests/helpers/mail-worker";
import { insertUser } from "../../../tests/helpers/user-fixtures";
import { env } from "@/env";
import { verifyPassword } from "@/lib/auth/password";
import { db } from "@/lib/db/client";
import { cohortCourses, cohortMembers, cohorts, courses, enrollments, invitations, users } from "@/lib/db/schema";
import { inviteSchema } from "@/lib/validation/invitations";
import {
  acceptInvitation,
  invitationForToken,
  INVITATION_TTL_MS,
  inviteUsers,
  listInvitations,
  resendInvitation,
  revokeInvitation,
} from "./invitations";

const database = withTestDatabase();
const mail = withMailWorker(database);

const t0 = new Date("2030-03-01T09:00:00Z");
const at = (ms: number) => new Date(t0.getTime() + ms);
const PASSWORD = "quiet-harbour-lamp-7";
const unique = (name: string) => `${name}-${Math.random().toString(36).slice(2)}@example.test`;
let ipCounter = 0;
const ip = () => `198.51.100.${(ipCounter += 1)}`;

/** The tokens of the invitation mails sent to the address, oldest first. */
async function tokensMailedTo(address: string) {
  await mail.drain();
  if (!fs.existsSync(env.mailDir)) return [];
  return fs
    .readdirSync(env.mailDir)
    .filter((f) => f.endsWith(`-${address}.eml`))
    .sort()
    .map((f) => readMail(fs.readFileSync(`${env.mailDir}/${f}`, "utf8")).text.match(/\/invite\/([A-Za-z0-9_-]+)/)?.[1])
    .filter((token) => token !== undefined);
}
const lastToken = async (address: string) => (await tokensMailedTo(address)).at(-1)!;

async function course(instructorId: string, title = "Botany") {
  const [row] = await db.insert(courses).values({ instructorId, title, isPublished: true }).returning({ id: courses.id });
  return row!.id;
}
const input = (fields: Record<string, unknown>) => inviteSchema.parse(fields);
const accept = (token: string, now = at(1000)) => acceptInvitation({ token, name: "New Person", password: PASSWORD }, ip(), now);

describe("invitation payloads", () => {
  it("parses pasted addresses, lower-cases them and folds duplicates", () => {
    const parsed = inviteSchema.parse({ emails: ["A@School.Example, b@school.example", "a@school.example\nc@school.example;"] });
    expect(parsed.emails).toEqual(["a@school.example", "b@school.example", "c@school.example"]);
    expect(parsed.role).toBe("LEARNER");
    expect(inviteSchema.safeParse({ emails: ["not-an-address"] }).success).toBe(false);
    expect(inviteSchema.safeParse({ emails: [] }).success).toBe(false);
    expect(inviteSchema.safeParse({ emails: ["a@b.example"], role: "OWNER" }).success).toBe(false);
    expect(inviteSchema.safeParse({ emails: ["a@b.example"], courseIds: ["nope"] }).success).toBe(false);
  });
});

describe("invitation tokens", () => {
  it("stores only the hash; the link works once, within 7 days, and makes the account with its enrollments and cohort", async () => {
    const admin = await insertUser({ role: "ADMIN" });
    const teacher = await insertUser({ role: "INSTRUCTOR" });
    const courseId = await course(teacher.id);
    const [cohort] = await db
      .insert(cohorts)
      .values({ name: `Class ${Math.random()}` })
      .returning({ id: cohorts.id });
    const email = unique("new");
    const { results } = await inviteUsers(admin, input({ emails: [email.toUpperCase()], courseIds: [courseId], cohortId: cohort!.id }), t0);
    expect(results).toEqual([{ email, outcome: "invited", invitationId: expect.any(String) }]);
    const token = await lastToken(email);
    const [row] = await db.select().from(invitations).where(eq(invitations.email, email));
    expect(row!.tokenHash).not.toContain(token);
    expect(JSON.stringify(row)).not.toContain(token);
    expect(row!.expiresAt.getTime() - t0.getTime()).toBe(INVITATION_TTL_MS);

    expect(await invitationForToken(token, at(1000))).toMatchObject({ state: "open", email, courses: [{ id: courseId, title: "Botany" }] });
    await expect(accept(token, at(INVITATION_TTL_MS))).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(await db.select().from(users).where(eq(users.email, email))).toHaveLength(0);

    const { userId, next } = await accept(token, at(INVITATION_TTL_MS - 1000));
    expect(next).toBe(`/my-courses/${courseId}`);
    const [user] = await db.select().from(users).where(eq(users.id, userId));
    expect(user).toMatchObject({ email, name: "New Person", role: "LEARNER" });
    expect(user!.emailVerified).not.toBeNull();
    expect(user!.onboardedAt).not.toBeNull();
    expect(await verifyPassword(PASSWORD, user!.passwordHash!)).toBe(true);
    expect(await db.select().from(enrollments).where(eq(enrollments.learnerId, userId))).toMatchObject([
      { courseId, enrolledBy: admin.id },
    ]);
    expect(await db.select().from(cohortMembers).where(eq(cohortMembers.userId, userId))).toHaveLength(1);
    const [done] = await db.select().from(invitations).where(eq(invitations.email, email));
    expect(done).toMatchObject({ acceptedBy: userId });

    await expect(accept(token, at(2000))).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringMatching(/used already/) });
    expect(await invitationForToken(token, at(2000))).toEqual({ state: "accepted" });
    await expect(accept("x".repeat(43))).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("a revoked invitation's link does not work and writes nothing", async () => {
    const admin = await insertUser({ role: "ADMIN" });
    const email = unique("revoked");
    const { results } = await inviteUsers(admin, input({ emails: [email] }), t0);
    const id = (results[0] as { invitationId: string }).invitationId;
    await revokeInvitation(admin, id, at(10));
    await expect(accept(await lastToken(email))).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringMatching(/withdrawn/),
    });
    expect(await db.select().from(users).where(eq(users.email, email))).toHaveLength(0);
    await expect(resendInvitation(admin, id, at(20))).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("inviting the address again renews the open invitation: one row, courses merged, the old link dead", async () => {
    const admin = await insertUser({ role: "ADMIN" });
    const teacher = await insertUser({ role: "INSTRUCTOR" });
    const first = await course(teacher.id, "First");
    const second = await course(teacher.id, "Second");
    const email = unique("twice");
    await inviteUsers(admin, input({ emails: [email], courseIds: [first] }), t0);
    const old = await lastToken(email);
    const { results } = await inviteUsers(admin, input({ emails: [email], courseIds: [second] }), at(60_000));
    expect(results[0]).toMatchObject({ outcome: "renewed" });
    const rows = await db.select().from(invitations).where(eq(invitations.email, email));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ courseIds: [first, second], sendCount: 2 });
    expect(rows[0]!.expiresAt.getTime()).toBe(at(60_000).getTime() + INVITATION_TTL_MS);
    const fresh = await lastToken(email);
    expect(fresh).not.toBe(old);
    await expect(accept(old, at(61_000))).rejects.toMatchObject({ code: "NOT_FOUND" });
    const { userId } = await accept(fresh, at(61_000));
    expect((await db.select().from(enrollments).where(eq(enrollments.learnerId, userId))).map((e) => e.courseId).sort()).toEqual(
      [first, second].sort(),
    );
  });

  it("resending gives a new link (the old one dies), counts the send, and is limited to 3 an hour", async () => {
    const admin = await insertUser({ role: "ADMIN" });
    const email = unique("resend");
    const { results } = await inviteUsers(admin, input({ emails: [email] }), t0);
    const id = (results[0] as { invitationId: string }).invitationId;
    const old = await lastToken(email);
    const { invitation } = await resendInvitation(admin, id, at(1000));
    expect(invitation.sendCount).toBe(2);
    expect(await lastToken(email)).not.toBe(old);
    await expect(accept(old, at(2000))).rejects.toMatchObject({ code: "NOT_FOUND" });
    await resendInvitation(admin, id, at(3000));
    await resendInvitation(admin, id, at(4000));
    await expect(resendInvitation(admin, id, at(5000))).rejects.toMatchObject({ code: "RATE_LIMITED" });
    expect(await tokensMailedTo(email)).toHaveLength(4);
  });

  it("an address that has an account is enrolled directly, not invited", async () => {
    const teacher = await insertUser({ role: "INSTRUCTOR" });
    const courseId = await course(teacher.id);
    const learner = await insertUser({ email: unique("known") });
    const { results } = await inviteUsers(teacher, input({ emails: [learner.email], courseIds: [courseId] }), t0);
    expect(results).toEqual([{ email: learner.email, outcome: "enrolled", userId: learner.id, courseIds: [courseId] }]);
    expect(await db.select().from(enrollments).where(eq(enrollments.learnerId, learner.id))).toMatchObject([
      { courseId, enrolledBy: teacher.id },
    ]);
    expect(await db.select().from(invitations).where(eq(invitations.email, learner.email))).toHaveLength(0);
    expect(await tokensMailedTo(learner.email)).toHaveLength(0);
  });

  it("an admin can invite an admin; the link makes an admin", async () => {
    const admin = await insertUser({ role: "ADMIN" });
    const email = unique("admin");
    await inviteUsers(admin, input({ emails: [email], role: "ADMIN" }), t0);
    const { userId, next } = await accept(await lastToken(email));
    expect(next).toBe("/dashboard");
    expect((await db.select().from(users).where(eq(users.id, userId)))[0]!.role).toBe("ADMIN");
  });

  it("joining the invitation's cohort enrolls in the cohort's courses too, with the link's end date; the counts move", async () => {
    const admin = await insertUser({ role: "ADMIN" });
    const teacher = await insertUser({ role: "INSTRUCTOR" });
    const direct = await course(teacher.id, "Direct");
    const viaCohort = await course(teacher.id, "Through the cohort");
    const [cohort] = await db
      .insert(cohorts)
      .values({ name: `Linked ${Math.random()}` })
      .returning({ id: cohorts.id });
    const endsAt = new Date("2030-06-30T00:00:00Z");
    await db.insert(cohortCourses).values({ cohortId: cohort!.id, courseId: viaCohort, endsAt });
    const email = unique("cohort");
    await inviteUsers(admin, input({ emails: [email], courseIds: [direct], cohortId: cohort!.id }), t0);
    const { userId, next } = await accept(await lastToken(email));
    expect(next).toBe(`/my-courses/${direct}`);
    const rows = await db.select().from(enrollments).where(eq(enrollments.learnerId, userId));
    expect(rows.find((r) => r.courseId === viaCohort)).toMatchObject({ endsAt, enrolledBy: admin.id });
    expect(rows.find((r) => r.courseId === direct)).toMatchObject({ endsAt: null, enrolledBy: admin.id });
    const counts = await db
      .select({ id: courses.id, n: courses.enrollmentCount })
      .from(courses)
      .where(inArray(courses.id, [direct, viaCohort]));
    expect(counts.map((c) => c.n)).toEqual([1, 1]);
  });

  it("two accepts of one link at once make one account", async () => {
    const admin = await insertUser({ role: "ADMIN" });
    const email = unique("race");
    await inviteUsers(admin, input({ emails: [email] }), t0);
    const token = await lastToken(email);
    const outcomes = await Promise.allSettled([accept(token), accept(token), accept(token)]);
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
    expect(await db.select().from(users).where(eq(users.email, email))).toHaveLength(1);
  });
});

describe("who may invite", () => {
  it("an instructor invites learners into their courses only: an admin, another's course or a cohort is refused, nothing written", async () => {
    const teacher = await insertUser({ role: "INSTRUCTOR" });
    const other = await insertUser({ role: "INSTRUCTOR" });
    const mine = await course(teacher.id);
    const theirs = await course(other.id);
    const email = unique("refused");
    await expect(inviteUsers(teacher, input({ emails: [email], role: "ADMIN", courseIds: [mine] }), t0)).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(inviteUsers(teacher, input({ emails: [email], role: "INSTRUCTOR" }), t0)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(inviteUsers(teacher, input({ emails: [email], courseIds: [mine, theirs] }), t0)).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    const [cohort] = await db
      .insert(cohorts)
      .values({ name: `C ${Math.random()}` })
      .returning({ id: cohorts.id });
    await expect(inviteUsers(teacher, input({ emails: [email], cohortId: cohort!.id }), t0)).rejects.toMatchObject({ code: "FORBIDDEN" });
    const learner = await insertUser();
    await expect(inviteUsers(learner, input({ emails: [email] }), t0)).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await db.select().from(invitations).where(eq(invitations.email, email))).toHaveLength(0);
    expect(await tokensMailedTo(email)).toHaveLength(0);

    await inviteUsers(teacher, input({ emails: [email], courseIds: [mine] }), t0);
    const listed = await listInvitations(teacher, { q: "refused", status: undefined, page: 1 }, at(1));
    expect(listed.invitations.map((i) => i.email)).toEqual([email]);
    expect((await listInvitations(other, { q: "", status: undefined, page: 1 }, at(1))).total).toBe(0);
    const id = listed.invitations[0]!.id;
    await expect(revokeInvitation(other, id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(resendInvitation(other, id)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("lists by status", async () => {
    const admin = await insertUser({ role: "ADMIN" });
    const email = unique("status");
    await inviteUsers(admin, input({ emails: [email] }), t0);
    const q = email.split("@")[0]!;
    expect((await listInvitations(admin, { q, status: "pending", page: 1 }, at(1))).total).toBe(1);
    expect((await listInvitations(admin, { q, status: "expired", page: 1 }, at(INVITATION_TTL_MS))).total).toBe(1);
    expect((await listInvitations(admin, { q, status: "accepted", page: 1 }, at(1))).total).toBe(0);
  });
});
