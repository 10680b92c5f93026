import "server-only";
import { and, desc, eq, isNotNull, isNull, sql } from "drizzle-orm";
import { env } from "@/env";
import type { Viewer } from "@/lib/auth/viewer";
import { db, type Transaction } from "@/lib/db/client";
import { type InstructorRequestStatus, instructorRequests, users } from "@/lib/db/schema";
import { AppError } from "@/lib/http/errors";
import type { TeachingMode } from "@/lib/validation/auth";

/**
 * The instructor role is given, never taken. Under INSTRUCTOR_SIGNUP=request (the default) "I want to teach" files a
 * request with a short message, which an admin approves (the role becomes INSTRUCTOR) or declines; the requester sees
 * the decision on their next visit. `open` grants the role to whoever asks (a single teacher's site); `closed` refuses.
 */

export type TeachingOutcome = { role: "INSTRUCTOR" } | { role: "LEARNER"; request: { id: string; status: "pending" } };

const requestColumns = {
  id: instructorRequests.id,
  message: instructorRequests.message,
  status: instructorRequests.status,
  createdAt: instructorRequests.createdAt,
  decidedAt: instructorRequests.decidedAt,
  seenAt: instructorRequests.seenAt,
};

/** How this site gives the instructor role (INSTRUCTOR_SIGNUP), for the pages that offer it. */
export const teachingMode = (): TeachingMode => env.INSTRUCTOR_SIGNUP;

export const TEACHING_CLOSED = "This site does not take new instructors. An admin can make you one.";

/**
 * What asking to teach does, inside the caller's transaction (onboarding, or a learner's later request): under `open`
 * the caller grants the role, under `request` a pending request is filed. One pending request per user.
 */
export async function askToTeach(tx: Transaction, userId: string, message: string | undefined): Promise<TeachingOutcome> {
  if (env.INSTRUCTOR_SIGNUP === "closed") throw new AppError("FORBIDDEN", TEACHING_CLOSED);
  if (env.INSTRUCTOR_SIGNUP === "open") return { role: "INSTRUCTOR" };
  const [filed] = await tx
    .insert(instructorRequests)
    .values({ userId, message: message || null })
    .onConflictDoNothing({ target: instructorRequests.userId, where: sql`${instructorRequests.status} = 'pending'` })
    .returning({ id: instructorRequests.id });
  if (!filed) throw new AppError("CONFLICT", "You have already asked to teach. An admin will decide soon.");
  return { role: "LEARNER", request: { id: filed.id, status: "pending" } };
}

/** A signed-in learner asks to teach after onboarding. Instructors and admins already can. */
export async function requestToTeach(viewer: Viewer, message: string | undefined): Promise<TeachingOutcome> {
  if (viewer.role !== "LEARNER") throw new AppError("CONFLICT", "You can already teach.");
  if (!viewer.onboarded) throw new AppError("FORBIDDEN", "Finish setting up your account first.");
  return db.transaction(async (tx) => {
    const outcome = await askToTeach(tx, viewer.id, message);
    if (outcome.role === "INSTRUCTOR") {
      await tx
        .update(users)
        .set({ role: "INSTRUCTOR", updatedAt: new Date() })
        .where(and(eq(users.id, viewer.id), eq(users.role, "LEARNER")));
    }
    return outcome;
  });
}

/** The signed-in user's requests, newest first. */
export async function listMyInstructorRequests(viewer: Viewer) {
  return db
    .select(requestColumns)
    .from(instructorRequests)
    .where(eq(instructorRequests.userId, viewer.id))
    .orderBy(desc(instructorRequests.createdAt));
}

/** A decision the user has not been shown yet, for their dashboard. */
export async function unseenTeachingDecision(viewer: Viewer) {
  const [row] = await db
    .select(requestColumns)
    .from(instructorRequests)
    .where(and(eq(instructorRequests.userId, viewer.id), isNotNull(instructorRequests.decidedAt), isNull(instructorRequests.seenAt)))
    .orderBy(desc(instructorRequests.decidedAt))
    .limit(1);
  return row ?? null;
}

/** The user has read the decision; it stops showing. Someone else's request is not found. */
export async function markTeachingDecisionSeen(viewer: Viewer, requestId: string) {
  const [row] = await db
    .update(instructorRequests)
    .set({ seenAt: sql`coalesce(${instructorRequests.seenAt}, now())` })
    .where(and(eq(instructorRequests.id, requestId), eq(instructorRequests.userId, viewer.id), isNotNull(instructorRequests.decidedAt)))
    .returning(requestColumns);
  if (!row) throw new AppError("NOT_FOUND", "This request does not exist or has not been decided yet.");
  return row;
}

function requireAdmin(viewer: Viewer) {
  if (viewer.role !== "ADMIN") throw new AppError("FORBIDDEN", "You do not have access to this.");
}

/** Admins: requests of one status with who asked, pending ones oldest first (a queue), decided ones newest first. */
export async function listInstructorRequests(viewer: Viewer, status: InstructorRequestStatus) {
  requireAdmin(viewer);
  return db
    .select({
      ...requestColumns,
      user: { id: users.id, name: users.name, email: users.email, role: users.role, emailVerified: isNotNull(users.emailVerified) },
    })
    .from(instructorRequests)
    .innerJoin(users, eq(users.id, instructorRequests.userId))
    .where(eq(instructorRequests.status, status))
    .orderBy(status === "pending" ? instructorRequests.createdAt : desc(instructorRequests.decidedAt))
    .limit(200);
}

export async function countPendingInstructorRequests(viewer: Viewer): Promise<number> {
  requireAdmin(viewer);
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(instructorRequests)
    .where(eq(instructorRequests.status, "pending"));
  return row?.n ?? 0;
}

/** An admin approves (the requester becomes an instructor, in the same transaction) or declines a pending request. */
export async function decideInstructorRequest(viewer: Viewer, requestId: string, decision: "approve" | "decline") {
  requireAdmin(viewer);
  return db.transaction(async (tx) => {
    const [decided] = await tx
      .update(instructorRequests)
      .set({ status: decision === "approve" ? "approved" : "declined", decidedBy: viewer.id, decidedAt: new Date() })
      .where(and(eq(instructorRequests.id, requestId), eq(instructorRequests.status, "pending")))
      .returning({ request: requestColumns, userId: instructorRequests.userId });
    if (!decided) {
      const [exists] = await tx.select({ id: instructorRequests.id }).from(instructorRequests).where(eq(instructorRequests.id, requestId));
      if (!exists) throw new AppError("NOT_FOUND", "This request does not exist.");
      throw new AppError("CONFLICT", "This request was already decided.");
    }
    if (decision === "approve") {
      // An admin who asked stays an admin.
      await tx
        .update(users)
        .set({ role: "INSTRUCTOR", updatedAt: new Date() })
        .where(and(eq(users.id, decided.userId), eq(users.role, "LEARNER")));
    }
    return decided.request;
  });
}
