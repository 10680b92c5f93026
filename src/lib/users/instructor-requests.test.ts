import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { withTestDatabase } from "../../../tests/helpers/test-database";
import { insertUser, userRow } from "../../../tests/helpers/user-fixtures";
import { db } from "@/lib/db/client";
import { instructorRequests } from "@/lib/db/schema";
import { completeOnboarding } from "./complete-onboarding";
import {
  decideInstructorRequest,
  listInstructorRequests,
  markTeachingDecisionSeen,
  requestToTeach,
  unseenTeachingDecision,
} from "./instructor-requests";

withTestDatabase();

// The unit tests run with the default INSTRUCTOR_SIGNUP=request.

describe("asking to teach (INSTRUCTOR_SIGNUP=request)", () => {
  it("at onboarding files a request and keeps the user a learner", async () => {
    const user = await insertUser({ onboarded: false });
    const answer = await completeOnboarding(user, { name: "Tess", role: "INSTRUCTOR", message: "I teach chemistry." });
    expect(answer).toMatchObject({ user: { role: "LEARNER", name: "Tess" }, next: "/dashboard", instructorRequest: { status: "pending" } });
    expect((await userRow(user.id)).role).toBe("LEARNER");
    const [request] = await db.select().from(instructorRequests).where(eq(instructorRequests.userId, user.id));
    expect(request).toMatchObject({ status: "pending", message: "I teach chemistry." });
  });

  it("files one pending request per user; a second is a 409 and onboarding twice changes nothing", async () => {
    const user = await insertUser();
    await requestToTeach(user, undefined);
    await expect(requestToTeach(user, "again")).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(completeOnboarding({ ...user, onboarded: false }, { name: "X", role: "INSTRUCTOR" })).rejects.toMatchObject({
      code: "CONFLICT",
    });
    expect(await db.select().from(instructorRequests).where(eq(instructorRequests.userId, user.id))).toHaveLength(1);
  });

  it("is for learners: an instructor or an admin is told they can already teach", async () => {
    for (const role of ["INSTRUCTOR", "ADMIN"] as const) {
      await expect(requestToTeach(await insertUser({ role }), undefined)).rejects.toMatchObject({ code: "CONFLICT" });
    }
  });

  it("an admin's approval makes the user an instructor in the same step; a second decision is a 409", async () => {
    const admin = await insertUser({ role: "ADMIN" });
    const user = await insertUser();
    const { request } = (await requestToTeach(user, "Please")) as { request: { id: string } };
    expect((await listInstructorRequests(admin, "pending")).map((r) => [r.id, r.user.email])).toEqual([[request.id, user.email]]);
    const decided = await decideInstructorRequest(admin, request.id, "approve");
    expect(decided).toMatchObject({ id: request.id, status: "approved", decidedAt: expect.any(Date) });
    expect((await userRow(user.id)).role).toBe("INSTRUCTOR");
    await expect(decideInstructorRequest(admin, request.id, "decline")).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(decideInstructorRequest(admin, crypto.randomUUID(), "approve")).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("a declined user stays a learner, sees the decision once, and may ask again", async () => {
    const admin = await insertUser({ role: "ADMIN" });
    const user = await insertUser();
    const { request } = (await requestToTeach(user, undefined)) as { request: { id: string } };
    expect(await unseenTeachingDecision(user)).toBeNull();
    await decideInstructorRequest(admin, request.id, "decline");
    expect((await userRow(user.id)).role).toBe("LEARNER");
    expect(await unseenTeachingDecision(user)).toMatchObject({ id: request.id, status: "declined" });
    await markTeachingDecisionSeen(user, request.id);
    expect(await unseenTeachingDecision(user)).toBeNull();
    await expect(requestToTeach(user, "Second try")).resolves.toMatchObject({ role: "LEARNER", request: { status: "pending" } });
  });

  it("only admins decide, and nobody marks another user's decision as seen", async () => {
    const admin = await insertUser({ role: "ADMIN" });
    const user = await insertUser();
    const stranger = await insertUser({ role: "INSTRUCTOR" });
    const { request } = (await requestToTeach(user, undefined)) as { request: { id: string } };
    await expect(decideInstructorRequest(stranger, request.id, "approve")).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(listInstructorRequests(user, "pending")).rejects.toMatchObject({ code: "FORBIDDEN" });
    await decideInstructorRequest(admin, request.id, "approve");
    await expect(markTeachingDecisionSeen(stranger, request.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await userRow(user.id)).role).toBe("INSTRUCTOR");
  });
});
