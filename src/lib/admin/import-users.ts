import "server-only";
import { and, eq, inArray, isNull, or, sql } from "drizzle-orm";
import { requireRoleOf, type Viewer } from "@/lib/auth/viewer";
import { analyticsChanged } from "@/lib/analytics/shared-figures";
import { db, type Transaction } from "@/lib/db/client";
import { cohortCourses, cohortMembers, cohorts, courses, enrollments, users, type UserRole } from "@/lib/db/schema";
import { insertEnrollments } from "@/lib/enrollments/enroll-users";
import { createImportInvitations, mailInvitations } from "@/lib/invitations/invitations";
import {
  importRowSchema,
  type ImportRequest,
  type ImportRow,
  type ImportRowInput,
  type ImportRowResult,
} from "@/lib/validation/user-import";

type Course = { id: string; slug: string; title: string };
type Account = { id: string; email: string; name: string | null; role: UserRole; disabledAt: Date | null };

/** One row's plan: what to write for it, and what the report says. */
type Plan = {
  result: ImportRowResult;
  row: ImportRow | null;
  account: Account | null;
  cohortName: string | null;
  courseIds: string[];
  courseTitles: string[];
  setName: boolean;
  raiseRole: boolean;
};

const skipped = (line: number, email: string, reason: string): Plan => ({
  result: { line, email, outcome: "skipped", changes: [], reason },
  row: null,
  account: null,
  cohortName: null,
  courseIds: [],
  courseTitles: [],
  setName: false,
  raiseRole: false,
});

/** Each row checked on its own; the first of an address in the batch wins, a later one is skipped naming its line. */
function checkRows(rows: ImportRowInput[]) {
  const seen = new Map<string, number>();
  return rows.map((input) => {
    const parsed = importRowSchema.safeParse(input);
    const email = parsed.success ? parsed.data.email : input.email.trim().toLowerCase().slice(0, 254);
    if (!parsed.success) return { line: input.line, email, row: null, error: parsed.error.issues.map((i) => i.message).join(" ") };
    const first = seen.get(email);
    if (first !== undefined) return { line: input.line, email, row: null, error: `This address is on line ${first} too.` };
    seen.set(email, input.line);
    return { line: input.line, email, row: parsed.data, error: null };
  });
}

/** A course named by its slug, or by its exact title (any case) when only one course has it. */
function resolveCourse(ref: string, found: Course[]): Course | string {
  const bySlug = found.find((c) => c.slug === ref);
  if (bySlug) return bySlug;
  const byTitle = found.filter((c) => c.title.toLowerCase() === ref.toLowerCase());
  if (byTitle.length === 1) return byTitle[0]!;
  if (byTitle.length > 1) return `${byTitle.length} courses are titled “${ref}”: name it by its slug.`;
  return `There is no course “${ref}” (name a course by its slug or its exact title).`;
}

/**
 * Reads what the rows touch (accounts, cohorts, courses, memberships, enrollments, the cohorts' course links) and plans
 * every row. Nothing is written here.
 */
async function planRows(tx: Transaction, rows: ImportRowInput[], invite: boolean) {
  const checked = checkRows(rows);
  const valid = checked.flatMap((c) => (c.row ? [c.row] : []));
  const emails = valid.map((r) => r.email);
  const cohortKeys = [...new Set(valid.map((r) => r.cohort.toLowerCase()).filter((n) => n !== ""))];
  const refs = [...new Set(valid.flatMap((r) => r.courses))];

  const [accounts, cohortRows, courseRows] = await Promise.all([
    emails.length
      ? tx
          .select({ id: users.id, email: users.email, name: users.name, role: users.role, disabledAt: users.disabledAt })
          .from(users)
          .where(inArray(users.email, emails))
      : [],
    cohortKeys.length
      ? tx
          .select({ id: cohorts.id, name: cohorts.name })
          .from(cohorts)
          .where(inArray(sql`lower(${cohorts.name})`, cohortKeys))
      : [],
    refs.length
      ? tx
          .select({ id: courses.id, slug: courses.slug, title: courses.title })
          .from(courses)
          .where(
            or(
              inArray(courses.slug, refs),
              inArray(
                sql`lower(${courses.title})`,
                refs.map((r) => r.toLowerCase()),
              ),
            ),
          )
      : [],
  ]);
  const cohortIds = cohortRows.map((c) => c.id);
  const accountIds = accounts.map((a) => a.id);
  const [members, links] = await Promise.all([
    accountIds.length && cohortIds.length
      ? tx
          .select({ cohortId: cohortMembers.cohortId, userId: cohortMembers.userId })
          .from(cohortMembers)
          .where(and(inArray(cohortMembers.cohortId, cohortIds), inArray(cohortMembers.userId, accountIds)))
      : [],
    cohortIds.length
      ? tx
          .select({
            cohortId: cohortCourses.cohortId,
            courseId: cohortCourses.courseId,
            title: courses.title,
            endsAt: cohortCourses.endsAt,
          })
          .from(cohortCourses)
          .innerJoin(courses, eq(courses.id, cohortCourses.courseId))
          .where(inArray(cohortCourses.cohortId, cohortIds))
          .orderBy(courses.title)
      : [],
  ]);
  const wantedCourseIds = [...new Set([...courseRows.map((c) => c.id), ...links.map((l) => l.courseId)])];
  const enrolled =
    accountIds.length && wantedCourseIds.length
      ? await tx
          .select({ courseId: enrollments.courseId, learnerId: enrollments.learnerId })
          .from(enrollments)
          .where(and(inArray(enrollments.learnerId, accountIds), inArray(enrollments.courseId, wantedCourseIds)))
      : [];
  const isEnrolled = new Set(enrolled.map((e) => `${e.learnerId}:${e.courseId}`));
  const isMember = new Set(members.map((m) => `${m.userId}:${m.cohortId}`));

  const newCohorts = new Map<string, string>();
  const plans = checked.map((c): Plan => {
    if (!c.row) return skipped(c.line, c.email, c.error ?? "This row could not be read.");
    const row = c.row;
    const chosen: Course[] = [];
    for (const ref of row.courses) {
      const course = resolveCourse(ref, courseRows);
      if (typeof course === "string") return skipped(c.line, row.email, course);
      if (!chosen.some((x) => x.id === course.id)) chosen.push(course);
    }
    const account = accounts.find((a) => a.email === row.email) ?? null;
    if (account?.disabledAt) return skipped(c.line, row.email, "This account is disabled: enable it on its page first.");
    if (!account && row.name === "") return skipped(c.line, row.email, "A new account needs a name.");

    const changes: string[] = [];
    const setName = account !== null && !account.name && row.name !== "";
    const raiseRole = account !== null && account.role === "LEARNER" && row.role === "INSTRUCTOR";
    if (!account) {
      changes.push(`account created (${(row.role ?? "LEARNER").toLowerCase()})`);
      if (invite) changes.push("invitation mailed");
    }
    if (setName) changes.push("name set");
    if (raiseRole) changes.push("role: instructor");
    const courseIds: string[] = [];
    const courseTitles: string[] = [];
    const enroll = (id: string, title: string, via = "") => {
      if (courseIds.includes(id) || (account && isEnrolled.has(`${account.id}:${id}`))) return;
      courseIds.push(id);
      courseTitles.push(title);
      changes.push(`enrolled in ${title}${via}`);
    };
    chosen.forEach((course) => enroll(course.id, course.title));
    let cohortName: string | null = null;
    if (row.cohort !== "") {
      const cohort = cohortRows.find((x) => x.name.toLowerCase() === row.cohort.toLowerCase());
      // A cohort the batch makes takes the spelling of its first row.
      const key = row.cohort.toLowerCase();
      if (!cohort && !newCohorts.has(key)) newCohorts.set(key, row.cohort);
      cohortName = cohort?.name ?? newCohorts.get(key)!;
      if (!cohort || !account || !isMember.has(`${account.id}:${cohort.id}`)) {
        changes.push(`joined cohort ${cohortName}${cohort ? "" : " (new)"}`);
        if (cohort) links.filter((l) => l.cohortId === cohort.id).forEach((l) => enroll(l.courseId, l.title, ` (cohort ${cohortName})`));
      }
    }
    const outcome = !account ? "created" : changes.length > 0 ? "updated" : "unchanged";
    return {
      result: { line: c.line, email: row.email, outcome, changes, reason: null },
      row,
      account,
      cohortName,
      courseIds,
      courseTitles,
      setName,
      raiseRole,
    };
  });
  return plans;
}

/**
 * Writes the plans of one batch, in the caller's transaction: missing cohorts, new accounts (no password: they set one
 * through their invitation, a reset link or a magic link), names left empty, learners raised to instructor, cohort
 * memberships (which enroll in the cohorts' courses, with each link's end date) and enrollments by the admin. An address
 * that got an account since the plan (a sign-up racing the import) is skipped. Returns the courses whose learners changed
 * and the new accounts to invite.
 */
async function writePlans(tx: Transaction, viewer: Viewer, plans: Plan[], now: Date) {
  const live = plans.filter((p) => p.row && p.result.outcome !== "skipped" && p.result.outcome !== "unchanged");
  // Cohorts named for the first time; a concurrent import making the same one is fine (the name is unique in any case).
  const cohortNames = [...new Map(live.flatMap((p) => (p.cohortName ? [[p.cohortName.toLowerCase(), p.cohortName]] : []))).values()];
  if (cohortNames.length) {
    await tx
      .insert(cohorts)
      .values(cohortNames.map((name) => ({ name, createdBy: viewer.id, createdAt: now })))
      .onConflictDoNothing();
  }
  const cohortIds = new Map(
    (cohortNames.length
      ? await tx
          .select({ id: cohorts.id, name: cohorts.name })
          .from(cohorts)
          .where(
            inArray(
              sql`lower(${cohorts.name})`,
              cohortNames.map((n) => n.toLowerCase()),
            ),
          )
      : []
    ).map((c) => [c.name.toLowerCase(), c.id]),
  );

  const fresh = live.filter((p) => !p.account);
  const made = fresh.length
    ? await tx
        .insert(users)
        .values(
          fresh.map((p) => ({
            email: p.row!.email,
            name: p.row!.name,
            role: p.row!.role ?? ("LEARNER" as const),
            onboardedAt: now,
            createdAt: now,
            updatedAt: now,
          })),
        )
        .onConflictDoNothing({ target: users.email })
        .returning({ id: users.id, email: users.email, role: users.role })
    : [];
  const madeIds = new Map(made.map((u) => [u.email, u.id]));
  for (const p of fresh) {
    if (madeIds.has(p.row!.email)) continue;
    p.result = {
      ...p.result,
      outcome: "skipped",
      changes: [],
      reason: "An account was made for this address meanwhile: import the file again.",
    };
  }
  const userIdOf = (p: Plan) => p.account?.id ?? madeIds.get(p.row!.email) ?? null;
  const written = live.filter((p) => p.result.outcome !== "skipped");

  for (const p of written.filter((x) => x.setName)) {
    await tx
      .update(users)
      .set({ name: p.row!.name, updatedAt: now })
      .where(and(eq(users.id, p.account!.id), or(isNull(users.name), eq(users.name, ""))));
  }
  const raised = written.filter((p) => p.raiseRole).map((p) => p.account!.id);
  if (raised.length) {
    await tx
      .update(users)
      .set({ role: "INSTRUCTOR", updatedAt: now })
      .where(and(inArray(users.id, raised), eq(users.role, "LEARNER")));
  }

  // Memberships first: a member who really joined is enrolled in the cohort's courses with the link's end date.
  const memberships = written.flatMap((p) =>
    p.cohortName ? [{ cohortId: cohortIds.get(p.cohortName.toLowerCase())!, userId: userIdOf(p)! }] : [],
  );
  const joined = memberships.length
    ? await tx
        .insert(cohortMembers)
        .values(memberships)
        .onConflictDoNothing()
        .returning({ cohortId: cohortMembers.cohortId, userId: cohortMembers.userId })
    : [];
  const links = joined.length
    ? await tx
        .select({ cohortId: cohortCourses.cohortId, courseId: cohortCourses.courseId, endsAt: cohortCourses.endsAt })
        .from(cohortCourses)
        .where(inArray(cohortCourses.cohortId, [...new Set(joined.map((j) => j.cohortId))]))
    : [];
  const batches = new Map<string, { courseId: string; endsAt: Date | null; userIds: string[] }>();
  const add = (courseId: string, endsAt: Date | null, userId: string) => {
    const key = `${courseId}:${endsAt?.toISOString() ?? ""}`;
    const batch = batches.get(key) ?? { courseId, endsAt, userIds: [] };
    if (!batch.userIds.includes(userId)) batch.userIds.push(userId);
    batches.set(key, batch);
  };
  for (const j of joined) links.filter((l) => l.cohortId === j.cohortId).forEach((l) => add(l.courseId, l.endsAt, j.userId));
  for (const p of written) p.courseIds.forEach((courseId) => add(courseId, null, userIdOf(p)!));
  const changed = new Set<string>();
  for (const batch of batches.values()) {
    const { enrolled } = await insertEnrollments(tx, batch.courseId, batch.userIds, { actorId: viewer.id, endsAt: batch.endsAt });
    if (enrolled.length) changed.add(batch.courseId);
  }
  return { changed: [...changed], made };
}

/**
 * Imports one batch of CSV rows (admins): each row is checked on its own and reported as created, updated, unchanged
 * or skipped with its reason. A row names an account by its address: a new address makes an account (with the row's
 * name and role, learner if none) and, with `invite`, mails it an invitation to set its password; an existing account
 * gets an empty name filled and a learner role raised to instructor (a name a person set, and a higher role, are kept),
 * joins the row's cohort (made if no cohort has that name) and is enrolled in the row's courses. A repeated import
 * changes nothing. A dry run plans the same way and writes nothing. One transaction per batch: a file of 10,000 rows is
 * 40 batches, none of them holding the others.
 */
export async function importUsers(viewer: Viewer, request: ImportRequest, now = new Date()): Promise<{ results: ImportRowResult[] }> {
  requireRoleOf(viewer, "ADMIN");
  if (request.dryRun) {
    const plans = await db.transaction((tx) => planRows(tx, request.rows, request.invite));
    return { results: plans.map((p) => p.result) };
  }
  const { plans, changed, invited } = await db.transaction(async (tx) => {
    const plans = await planRows(tx, request.rows, request.invite);
    const { changed, made } = await writePlans(tx, viewer, plans, now);
    const invited = request.invite ? await createImportInvitations(tx, viewer, made, now) : [];
    const links = new Map(invited.map((i) => [i.email, i]));
    await mailInvitations(
      viewer,
      plans.flatMap((p) => {
        const invitation = links.get(p.result.email);
        return invitation && p.result.outcome === "created" ? [{ ...invitation, courseTitles: p.courseTitles }] : [];
      }),
      { tx },
    );
    return { plans, changed, invited };
  });
  changed.forEach(analyticsChanged);
  const sent = new Map(invited.map((i) => [i.email, i]));
  for (const p of plans) {
    if (p.result.outcome !== "created" || !request.invite || sent.has(p.result.email)) continue;
    // The address had an open invitation already (an earlier invite): that one stays, and its link now sets the password.
    p.result.changes = p.result.changes.map((c) => (c === "invitation mailed" ? "an earlier invitation is still open" : c));
  }
  return { results: plans.map((p) => p.result) };
}
