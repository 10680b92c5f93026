import "server-only";
import { and, count, desc, eq, gt, ilike, inArray, isNotNull, isNull, lte, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { env } from "@/env";
import { hashToken, newLinkToken } from "@/lib/auth/link-token";
import { hashPassword } from "@/lib/auth/password";
import { assertAcceptablePassword } from "@/lib/auth/password-policy";
import { requireRoleOf, type Viewer } from "@/lib/auth/viewer";
import { analyticsChanged } from "@/lib/analytics/shared-figures";
import { db, type Transaction } from "@/lib/db/client";
import {
  cohortCourses,
  cohortMembers,
  cohorts,
  courses,
  enrollments,
  invitations,
  users,
  type Invitation,
  type UserRole,
} from "@/lib/db/schema";
import { insertEnrollments } from "@/lib/enrollments/enroll-users";
import { AppError } from "@/lib/http/errors";
import { keyPart, queueMail, queueMails, type OutgoingMail } from "@/lib/mail/outgoing";
import { enforceLimits } from "@/lib/rate-limit/rate-limit";
import {
  INVITATIONS_PAGE_SIZE,
  type AcceptInvitationInput,
  type InvitationListQuery,
  type InvitationStatus,
  type InviteInput,
} from "@/lib/validation/invitations";

export const INVITATION_TTL_MS = 7 * 24 * 60 * 60 * 1000;
/** Resends of one invitation: 3 an hour. */
export const RESEND_LIMIT = { limit: 3, windowSeconds: 3600 };

export type InviteOutcome =
  | { email: string; outcome: "invited" | "renewed"; invitationId: string }
  | { email: string; outcome: "enrolled"; userId: string; courseIds: string[] }
  | { email: string; outcome: "skipped"; reason: string };

const inviteLink = (token: string) => new URL(`/invite/${token}`, env.appUrl).toString();

/** The invitation's status as lists show it: accepted, revoked, expired (open but past its date) or pending. */
export function invitationStatus(row: Pick<Invitation, "acceptedAt" | "revokedAt" | "expiresAt">, now = new Date()): InvitationStatus {
  if (row.acceptedAt) return "accepted";
  if (row.revokedAt) return "revoked";
  return row.expiresAt.getTime() <= now.getTime() ? "expired" : "pending";
}

type InvitationFacts = { inviter: string; role: UserRole; courseTitles: string[] };

/**
 * The invitation's mail, keyed by its link's token (a new one each send). The token travels in the (sealed) mail only,
 * never in a log. Account mail (there is no account yet): no List-Unsubscribe.
 */
const invitationMail = (email: string, token: string, facts: InvitationFacts): { mail: OutgoingMail; key: string } => ({
  mail: { to: email, template: "invitation", props: { link: inviteLink(token), ...facts } },
  key: `invite:${keyPart(token)}`,
});

async function mailInvitation(email: string, token: string, facts: InvitationFacts) {
  const { mail, key } = invitationMail(email, token, facts);
  await queueMail(mail, { key });
}

/**
 * The courses of an invitation, checked for the inviter: every id must be a course (404 otherwise); an instructor may
 * only invite into courses they teach (403).
 */
async function coursesFor(viewer: Viewer, courseIds: string[]) {
  if (courseIds.length === 0) return [];
  const rows = await db
    .select({ id: courses.id, title: courses.title, instructorId: courses.instructorId })
    .from(courses)
    .where(inArray(courses.id, courseIds));
  if (rows.length !== courseIds.length) throw new AppError("NOT_FOUND", "One of the courses was not found.");
  if (viewer.role !== "ADMIN" && rows.some((c) => c.instructorId !== viewer.id)) {
    throw new AppError("FORBIDDEN", "You can invite learners only into courses you teach.");
  }
  return courseIds.map((id) => rows.find((c) => c.id === id)!);
}

/**
 * Enrolls the user in the courses (enrolled by `by`; the courses' enrollment counts move by the rows made) and adds
 * them to the cohort, which enrolls them in the cohort's courses too, with each link's end date. Returns the courses
 * whose learners changed.
 */
async function enrollAndJoin(tx: Transaction, userId: string, courseIds: string[], cohortId: string | null | undefined, by: string | null) {
  const changed: string[] = [];
  // Enrollments with no actor (the inviter's account is gone) are recorded as made by the learner's own acceptance.
  const actorId = by ?? userId;
  for (const courseId of courseIds) {
    const { enrolled } = await insertEnrollments(tx, courseId, [userId], { actorId, endsAt: null });
    if (enrolled.length > 0) changed.push(courseId);
  }
  if (cohortId) {
    const joined = await tx
      .insert(cohortMembers)
      .values({ cohortId, userId })
      .onConflictDoNothing()
      .returning({ userId: cohortMembers.userId });
    if (joined.length > 0) {
      const links = await tx
        .select({ courseId: cohortCourses.courseId, endsAt: cohortCourses.endsAt })
        .from(cohortCourses)
        .where(eq(cohortCourses.cohortId, cohortId))
        .orderBy(cohortCourses.courseId);
      for (const link of links) {
        const { enrolled } = await insertEnrollments(tx, link.courseId, [userId], { actorId, endsAt: link.endsAt });
        if (enrolled.length > 0) changed.push(link.courseId);
      }
    }
  }
  return changed;
}

/**
 * Invites addresses with a role into courses (and a cohort). Admins: any role, any course, any cohort. Instructors:
 * learners only, into courses they teach, no cohort (403 otherwise, nothing written). Per address: an account that
 * exists is enrolled directly (and added to the cohort) instead; an open invitation of the address is renewed (new
 * token and expiry, courses merged, role and cohort as asked now); otherwise a new invitation. Each invited address
 * gets a mail with its link.
 */
export async function inviteUsers(viewer: Viewer, input: InviteInput, now = new Date()): Promise<{ results: InviteOutcome[] }> {
  requireRoleOf(viewer, "ADMIN", "INSTRUCTOR");
  if (viewer.role !== "ADMIN") {
    if (input.role !== "LEARNER") throw new AppError("FORBIDDEN", "Instructors can invite learners only.");
    if (input.cohortId) throw new AppError("FORBIDDEN", "Only admins can invite into a cohort.");
  }
  const chosen = await coursesFor(viewer, input.courseIds);
  if (input.cohortId) {
    const [cohort] = await db.select({ id: cohorts.id }).from(cohorts).where(eq(cohorts.id, input.cohortId));
    if (!cohort) throw new AppError("NOT_FOUND", "That cohort was not found.");
  }
  const existing = await db
    .select({ id: users.id, email: users.email, disabledAt: users.disabledAt })
    .from(users)
    .where(inArray(users.email, input.emails));
  const courseIds = chosen.map((c) => c.id);
  const results: InviteOutcome[] = [];
  for (const email of input.emails) {
    const account = existing.find((u) => u.email === email);
    if (account) {
      if (account.disabledAt) {
        results.push({ email, outcome: "skipped", reason: "This account is disabled." });
        continue;
      }
      const changed = await db.transaction((tx) => enrollAndJoin(tx, account.id, courseIds, input.cohortId, viewer.id));
      changed.forEach(analyticsChanged);
      results.push({ email, outcome: "enrolled", userId: account.id, courseIds });
      continue;
    }
    const { token, tokenHash } = newLinkToken();
    const expiresAt = new Date(now.getTime() + INVITATION_TTL_MS);
    const outcome = await db.transaction(async (tx) => {
      const [open] = await tx
        .select()
        .from(invitations)
        .where(and(eq(invitations.email, email), isNull(invitations.acceptedAt), isNull(invitations.revokedAt)))
        .for("update");
      if (open) {
        const merged = [...new Set([...open.courseIds, ...courseIds])];
        await tx
          .update(invitations)
          .set({
            tokenHash,
            expiresAt,
            courseIds: merged,
            role: input.role,
            cohortId: input.cohortId ?? open.cohortId,
            invitedBy: viewer.id,
            lastSentAt: now,
            sendCount: open.sendCount + 1,
          })
          .where(eq(invitations.id, open.id));
        return { email, outcome: "renewed" as const, invitationId: open.id, courseIds: merged };
      }
      const [created] = await tx
        .insert(invitations)
        .values({
          email,
          role: input.role,
          courseIds,
          cohortId: input.cohortId ?? null,
          tokenHash,
          invitedBy: viewer.id,
          createdAt: now,
          expiresAt,
          lastSentAt: now,
        })
        .returning({ id: invitations.id });
      return { email, outcome: "invited" as const, invitationId: created!.id, courseIds };
    });
    const titles = await courseTitles(outcome.courseIds);
    await mailInvitation(email, token, { inviter: viewer.name || viewer.email, role: input.role, courseTitles: titles });
    results.push({ email, outcome: outcome.outcome, invitationId: outcome.invitationId });
  }
  return { results };
}

/**
 * Invitations for the accounts an import made (they have no password yet: the link sets one; their courses and cohort
 * are theirs already), in the import's transaction. An address with an open invitation keeps that one. Returns the
 * links to mail once the transaction has committed.
 */
export async function createImportInvitations(
  tx: Transaction,
  viewer: Viewer,
  made: { email: string; role: UserRole }[],
  now: Date,
): Promise<{ email: string; role: UserRole; token: string }[]> {
  if (made.length === 0) return [];
  const links = made.map((account) => ({ ...account, ...newLinkToken() }));
  const created = await tx
    .insert(invitations)
    .values(
      links.map((l) => ({
        email: l.email,
        role: l.role,
        tokenHash: l.tokenHash,
        invitedBy: viewer.id,
        createdAt: now,
        expiresAt: new Date(now.getTime() + INVITATION_TTL_MS),
        lastSentAt: now,
      })),
    )
    .onConflictDoNothing()
    .returning({ email: invitations.email });
  const sent = new Set(created.map((r) => r.email));
  return links.filter((l) => sent.has(l.email)).map(({ email, role, token }) => ({ email, role, token }));
}

/**
 * Queues invitation mails (500 to a statement), each naming the inviter, the role and the courses; in `tx`, the
 * transaction that made the invitations, so that they go out only if it commits.
 */
export async function mailInvitations(
  viewer: Viewer,
  list: { email: string; role: UserRole; token: string; courseTitles: string[] }[],
  { tx }: { tx?: Transaction } = {},
) {
  await queueMails(
    list.map((i) => invitationMail(i.email, i.token, { inviter: viewer.name || viewer.email, role: i.role, courseTitles: i.courseTitles })),
    { tx },
  );
}

/** The courses of these ids that still exist, in the given order. */
async function coursesOf(ids: string[]) {
  if (ids.length === 0) return [];
  const rows = await db.select({ id: courses.id, title: courses.title }).from(courses).where(inArray(courses.id, ids));
  return ids.flatMap((id) => rows.filter((r) => r.id === id));
}

const courseTitles = async (ids: string[]) => (await coursesOf(ids)).map((c) => c.title);

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

const statusCondition = (status: InvitationStatus, now: Date): SQL => {
  const open = and(isNull(invitations.acceptedAt), isNull(invitations.revokedAt))!;
  switch (status) {
    case "accepted":
      return isNotNull(invitations.acceptedAt);
    case "revoked":
      return and(isNull(invitations.acceptedAt), isNotNull(invitations.revokedAt))!;
    case "expired":
      return and(open, lte(invitations.expiresAt, now))!;
    case "pending":
      return and(open, gt(invitations.expiresAt, now))!;
  }
};

/** Admins: every invitation; instructors: the ones they sent. Newest first, searchable by address, 25 a page. */
export async function listInvitations(viewer: Viewer, query: InvitationListQuery, now = new Date()) {
  requireRoleOf(viewer, "ADMIN", "INSTRUCTOR");
  const filters: SQL[] = [];
  if (viewer.role !== "ADMIN") filters.push(eq(invitations.invitedBy, viewer.id));
  if (query.q) filters.push(ilike(invitations.email, `%${escapeLike(query.q.toLowerCase())}%`));
  if (query.status) filters.push(statusCondition(query.status, now));
  const where = filters.length ? and(...filters) : undefined;
  const inviter = alias(users, "inviter");
  const [rows, [total]] = await Promise.all([
    db
      .select({
        id: invitations.id,
        email: invitations.email,
        role: invitations.role,
        courseIds: invitations.courseIds,
        cohortId: invitations.cohortId,
        invitedBy: invitations.invitedBy,
        inviterName: inviter.name,
        createdAt: invitations.createdAt,
        expiresAt: invitations.expiresAt,
        lastSentAt: invitations.lastSentAt,
        sendCount: invitations.sendCount,
        acceptedAt: invitations.acceptedAt,
        acceptedBy: invitations.acceptedBy,
        revokedAt: invitations.revokedAt,
      })
      .from(invitations)
      .leftJoin(inviter, eq(inviter.id, invitations.invitedBy))
      .where(where)
      .orderBy(desc(invitations.lastSentAt), invitations.id)
      .limit(INVITATIONS_PAGE_SIZE)
      .offset((query.page - 1) * INVITATIONS_PAGE_SIZE),
    db.select({ value: count() }).from(invitations).where(where),
  ]);
  const titles = await coursesOf([...new Set(rows.flatMap((r) => r.courseIds))]);
  const totalCount = total?.value ?? 0;
  return {
    invitations: rows.map((r) => ({
      ...r,
      status: invitationStatus(r, now),
      courses: r.courseIds.flatMap((id) => titles.filter((t) => t.id === id)),
    })),
    page: query.page,
    pageSize: INVITATIONS_PAGE_SIZE,
    total: totalCount,
    pageCount: Math.max(1, Math.ceil(totalCount / INVITATIONS_PAGE_SIZE)),
  };
}

/** The invitation if the viewer may manage it (admins: all; instructors: the ones they sent), else 404. */
async function managedInvitation(viewer: Viewer, invitationId: string) {
  requireRoleOf(viewer, "ADMIN", "INSTRUCTOR");
  const [row] = await db.select().from(invitations).where(eq(invitations.id, invitationId));
  if (!row || (viewer.role !== "ADMIN" && row.invitedBy !== viewer.id)) throw new AppError("NOT_FOUND", "That invitation was not found.");
  return row;
}

/**
 * Sends an open invitation again with a new link (the old one stops working) and a new 7 days; counts the send.
 * An accepted or revoked one cannot be resent (400). At most 3 resends of one invitation an hour (429).
 */
export async function resendInvitation(viewer: Viewer, invitationId: string, now = new Date()) {
  const row = await managedInvitation(viewer, invitationId);
  if (row.acceptedAt) throw new AppError("BAD_REQUEST", "This invitation was accepted already.");
  if (row.revokedAt) throw new AppError("BAD_REQUEST", "This invitation was revoked: invite the address again instead.");
  await enforceLimits([{ key: `invitation-resend:${row.id}`, ...RESEND_LIMIT }], "resends of this invitation", now.getTime());
  const { token, tokenHash } = newLinkToken();
  const expiresAt = new Date(now.getTime() + INVITATION_TTL_MS);
  const [updated] = await db
    .update(invitations)
    .set({ tokenHash, expiresAt, lastSentAt: now, sendCount: sql`${invitations.sendCount} + 1` })
    .where(and(eq(invitations.id, row.id), isNull(invitations.acceptedAt), isNull(invitations.revokedAt)))
    .returning({ id: invitations.id, sendCount: invitations.sendCount, expiresAt: invitations.expiresAt });
  if (!updated) throw new AppError("BAD_REQUEST", "This invitation is no longer open.");
  const [inviter] = row.invitedBy
    ? await db.select({ name: users.name, email: users.email }).from(users).where(eq(users.id, row.invitedBy))
    : [];
  await mailInvitation(row.email, token, {
    inviter: inviter?.name || inviter?.email || viewer.name || viewer.email,
    role: row.role,
    courseTitles: await courseTitles(row.courseIds),
  });
  return { invitation: { ...updated, status: "pending" as const } };
}

/** Revokes an open invitation: its link stops working. Revoking a revoked one is fine; an accepted one is a 400. */
export async function revokeInvitation(viewer: Viewer, invitationId: string, now = new Date()) {
  const row = await managedInvitation(viewer, invitationId);
  if (row.acceptedAt) throw new AppError("BAD_REQUEST", "This invitation was accepted already: it cannot be revoked.");
  if (row.revokedAt) return { invitation: { id: row.id, status: "revoked" as const, revokedAt: row.revokedAt } };
  await db
    .update(invitations)
    .set({ revokedAt: now })
    .where(and(eq(invitations.id, row.id), isNull(invitations.acceptedAt)));
  return { invitation: { id: row.id, status: "revoked" as const, revokedAt: now } };
}

export type InvitationView =
  | { state: "open"; email: string; role: UserRole; inviterName: string | null; courses: { id: string; title: string }[] }
  | { state: "unknown" | "expired" | "revoked" | "accepted" };

/** What the invitation page shows for a token: who invited the address and to what, or why the link does not work. */
export async function invitationForToken(token: string, now = new Date()): Promise<InvitationView> {
  const [row] = await db
    .select()
    .from(invitations)
    .where(eq(invitations.tokenHash, hashToken(token)));
  if (!row) return { state: "unknown" };
  const status = invitationStatus(row, now);
  if (status !== "pending") return { state: status };
  const [inviter] = row.invitedBy
    ? await db.select({ name: users.name, email: users.email }).from(users).where(eq(users.id, row.invitedBy))
    : [];
  return {
    state: "open",
    email: row.email,
    role: row.role,
    inviterName: inviter?.name || inviter?.email || null,
    courses: await coursesOf(row.courseIds),
  };
}

const refusals: Record<Exclude<InvitationStatus, "pending">, string> = {
  expired: "This invitation has expired. Ask whoever invited you to send it again.",
  revoked: "This invitation was withdrawn. Ask whoever invited you for a new one.",
  accepted: "This invitation was used already. Sign in with the account it made.",
};

/**
 * An account an import made has no password and was never signed in to: the invitation's link (mailed to the address,
 * so it proves it) claims it, setting the name and password, confirming the address and signing in. Any other account
 * of the address is not claimable (null).
 */
async function claimImportedAccount(tx: Transaction, email: string, name: string, passwordHash: string, now: Date) {
  const [claimed] = await tx
    .update(users)
    .set({
      name,
      passwordHash,
      emailVerified: sql`coalesce(${users.emailVerified}, ${now.toISOString()}::timestamptz)`,
      onboardedAt: sql`coalesce(${users.onboardedAt}, ${now.toISOString()}::timestamptz)`,
      lastSignInAt: now,
      updatedAt: now,
    })
    .where(and(eq(users.email, email), isNull(users.passwordHash), isNull(users.lastSignInAt), isNull(users.disabledAt)))
    .returning({ id: users.id });
  return claimed ?? null;
}

/**
 * Accepts an invitation: in one transaction the account is made with the invitation's role, its address confirmed (the
 * link proves it) and onboarded, enrolled in the invitation's courses (enrolled by the inviter) and added to its cohort,
 * and the invitation marked accepted by it. The sign-up policy does not apply: an invitation is the way in. An unknown
 * link is a 404; an expired, revoked or used one a 400; an address that has an account meanwhile a 409, unless an import
 * made it and nobody signed in to it yet (the link claims it). Returns the account's id and where to land: the first
 * course, else the course enrolled in last, else the dashboard. 20 tries an hour per network.
 */
export async function acceptInvitation(
  input: AcceptInvitationInput,
  ip: string,
  now = new Date(),
): Promise<{ userId: string; next: string }> {
  await enforceLimits(
    [{ key: `invite-accept:ip:${ip}`, limit: 20, windowSeconds: 3600 }],
    "invitation attempts from your network",
    now.getTime(),
  );
  assertAcceptablePassword(input.password);
  const passwordHash = await hashPassword(input.password);
  const tokenHash = hashToken(input.token);
  const result = await db.transaction(async (tx) => {
    // Locks the row: a second accept of the same link waits here, then finds it accepted.
    const [row] = await tx.select().from(invitations).where(eq(invitations.tokenHash, tokenHash)).for("update");
    if (!row) throw new AppError("NOT_FOUND", "This invitation link is not valid. Check that you opened the whole link.");
    const status = invitationStatus(row, now);
    if (status !== "pending") throw new AppError("BAD_REQUEST", refusals[status], { fields: { token: refusals[status] } });
    const [created] = await tx
      .insert(users)
      .values({
        email: row.email,
        name: input.name,
        passwordHash,
        role: row.role,
        emailVerified: now,
        onboardedAt: now,
        lastSignInAt: now,
        createdAt: now,
        updatedAt: now,
      })
      .onConflictDoNothing({ target: users.email })
      .returning({ id: users.id });
    const account = created ?? (await claimImportedAccount(tx, row.email, input.name, passwordHash, now));
    if (!account) {
      throw new AppError("CONFLICT", "This address has an account already: sign in instead (or reset its password).", {
        fields: { token: "This address has an account already." },
      });
    }
    const stillThere = row.courseIds.length
      ? (await tx.select({ id: courses.id }).from(courses).where(inArray(courses.id, row.courseIds))).map((c) => c.id)
      : [];
    const courseIds = row.courseIds.filter((id) => stillThere.includes(id));
    const changed = await enrollAndJoin(tx, account.id, courseIds, row.cohortId, row.invitedBy);
    await tx.update(invitations).set({ acceptedAt: now, acceptedBy: account.id }).where(eq(invitations.id, row.id));
    const [newest] = await tx
      .select({ courseId: enrollments.courseId })
      .from(enrollments)
      .where(eq(enrollments.learnerId, account.id))
      .orderBy(desc(enrollments.enrolledAt), enrollments.courseId)
      .limit(1);
    const first = courseIds[0] ?? changed[0] ?? newest?.courseId;
    return { userId: account.id, next: first ? `/my-courses/${first}` : "/dashboard", changed };
  });
  result.changed.forEach(analyticsChanged);
  return { userId: result.userId, next: result.next };
}

/** What the invite form offers: admins every course (by title, at most 500) and every cohort; instructors the courses they teach. */
export async function invitationChoices(viewer: Viewer) {
  requireRoleOf(viewer, "ADMIN", "INSTRUCTOR");
  const admin = viewer.role === "ADMIN";
  const [courseRows, cohortRows] = await Promise.all([
    db
      .select({ id: courses.id, title: courses.title })
      .from(courses)
      .where(admin ? undefined : eq(courses.instructorId, viewer.id))
      .orderBy(courses.title, courses.id)
      .limit(500),
    admin ? db.select({ id: cohorts.id, name: cohorts.name }).from(cohorts).orderBy(cohorts.name).limit(500) : Promise.resolve([]),
  ]);
  return { courses: courseRows, cohorts: cohortRows };
}
