import "server-only";
import { and, asc, count, countDistinct, eq, ilike, ne, sql } from "drizzle-orm";
import { analyticsChanged } from "@/lib/analytics/shared-figures";
import { requireRoleOf, type Viewer } from "@/lib/auth/viewer";
import { db, type Transaction } from "@/lib/db/client";
import { cohortCourses, cohortMembers, cohorts, courses, users } from "@/lib/db/schema";
import { insertEnrollments, requireActiveUsers } from "@/lib/enrollments/enroll-users";
import { AppError } from "@/lib/http/errors";
import { COHORTS_PAGE_SIZE, type CohortListQuery } from "@/lib/validation/school-enrollment";

/**
 * Cohorts are named groups of learners that admins keep (a class, a year); a learner may be in many. A cohort enrolled
 * in a course (src/lib/enrollments/staff-enrollment.ts) keeps a cohort-course link: a member added later is enrolled in
 * the cohort's courses in the same transaction as the membership. Removing a member, or deleting the cohort, unenrolls
 * nobody: an enrollment, once made, is the learner's, and staff unenroll from the course.
 */

export type CohortRow = { id: string; name: string; members: number; courses: number };

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Admins: cohorts matching the search, A to Z, one page, with their member and course counts. */
export async function listCohorts(viewer: Viewer | null, query: CohortListQuery) {
  requireRoleOf(viewer, "ADMIN");
  const where = query.q ? ilike(cohorts.name, `%${escapeLike(query.q)}%`) : undefined;
  const [rows, [total]] = await Promise.all([
    db
      .select({
        id: cohorts.id,
        name: cohorts.name,
        members: sql<number>`(select count(*)::int from ${cohortMembers} where ${cohortMembers.cohortId} = ${cohorts.id})`,
        courses: sql<number>`(select count(*)::int from ${cohortCourses} where ${cohortCourses.cohortId} = ${cohorts.id})`,
      })
      .from(cohorts)
      .where(where)
      .orderBy(asc(sql`lower(${cohorts.name})`), asc(cohorts.id))
      .limit(COHORTS_PAGE_SIZE)
      .offset((query.page - 1) * COHORTS_PAGE_SIZE),
    db.select({ value: count() }).from(cohorts).where(where),
  ]);
  const totalCount = total?.value ?? 0;
  return {
    cohorts: rows as CohortRow[],
    page: query.page,
    pageSize: COHORTS_PAGE_SIZE,
    total: totalCount,
    pageCount: Math.max(1, Math.ceil(totalCount / COHORTS_PAGE_SIZE)),
  };
}

const taken = (name: string) =>
  new AppError("CONFLICT", `There is already a cohort called ${name}.`, { fields: { name: "This name is taken." } });

async function assertNameFree(executor: Transaction | typeof db, name: string, except?: string) {
  const [clash] = await executor
    .select({ name: cohorts.name })
    .from(cohorts)
    .where(and(sql`lower(${cohorts.name}) = lower(${name})`, except ? ne(cohorts.id, except) : undefined));
  if (clash) throw taken(clash.name);
}

export async function createCohort(viewer: Viewer | null, name: string): Promise<CohortRow> {
  const admin = requireRoleOf(viewer, "ADMIN");
  return db.transaction(async (tx) => {
    await assertNameFree(tx, name);
    const [created] = await tx.insert(cohorts).values({ name, createdBy: admin.id }).returning({ id: cohorts.id, name: cohorts.name });
    return { ...created!, members: 0, courses: 0 };
  });
}

async function requireCohort(executor: Transaction | typeof db, cohortId: string, lock = false) {
  const query = executor.select({ id: cohorts.id, name: cohorts.name }).from(cohorts).where(eq(cohorts.id, cohortId));
  const [row] = lock ? await query.for("no key update") : await query;
  if (!row) throw new AppError("NOT_FOUND", "This cohort does not exist.");
  return row;
}

export async function renameCohort(viewer: Viewer | null, cohortId: string, name: string) {
  requireRoleOf(viewer, "ADMIN");
  return db.transaction(async (tx) => {
    await requireCohort(tx, cohortId, true);
    await assertNameFree(tx, name, cohortId);
    const [row] = await tx.update(cohorts).set({ name }).where(eq(cohorts.id, cohortId)).returning({ id: cohorts.id, name: cohorts.name });
    return row!;
  });
}

/** Deletes the cohort, its memberships and course links; the enrollments it made stay. */
export async function deleteCohort(viewer: Viewer | null, cohortId: string) {
  requireRoleOf(viewer, "ADMIN");
  const [row] = await db.delete(cohorts).where(eq(cohorts.id, cohortId)).returning({ id: cohorts.id });
  if (!row) throw new AppError("NOT_FOUND", "This cohort does not exist.");
}

export const COHORT_MEMBERS_PAGE_SIZE = 50;

/** Admins: the cohort, one page of its members (A to Z by e-mail) and every course it is enrolled in. */
export async function getCohort(viewer: Viewer | null, cohortId: string, page = 1) {
  requireRoleOf(viewer, "ADMIN");
  const cohort = await requireCohort(db, cohortId);
  const [members, [total], linked] = await Promise.all([
    db
      .select({ id: users.id, name: users.name, email: users.email, addedAt: cohortMembers.addedAt })
      .from(cohortMembers)
      .innerJoin(users, eq(users.id, cohortMembers.userId))
      .where(eq(cohortMembers.cohortId, cohortId))
      .orderBy(asc(users.email))
      .limit(COHORT_MEMBERS_PAGE_SIZE)
      .offset((page - 1) * COHORT_MEMBERS_PAGE_SIZE),
    db
      .select({ value: countDistinct(cohortMembers.userId) })
      .from(cohortMembers)
      .where(eq(cohortMembers.cohortId, cohortId)),
    db
      .select({ id: courses.id, title: courses.title, endsAt: cohortCourses.endsAt, addedAt: cohortCourses.addedAt })
      .from(cohortCourses)
      .innerJoin(courses, eq(courses.id, cohortCourses.courseId))
      .where(eq(cohortCourses.cohortId, cohortId))
      .orderBy(asc(courses.title)),
  ]);
  const totalCount = total?.value ?? 0;
  return {
    cohort,
    members,
    courses: linked,
    page,
    pageSize: COHORT_MEMBERS_PAGE_SIZE,
    total: totalCount,
    pageCount: Math.max(1, Math.ceil(totalCount / COHORT_MEMBERS_PAGE_SIZE)),
  };
}

/**
 * Adds users to the cohort (each must exist and not be disabled; one already a member is reported) and, in the same
 * transaction, enrolls each new member in every course the cohort is enrolled in, with that link's end date.
 */
export async function addCohortMembers(viewer: Viewer | null, cohortId: string, userIds: string[]) {
  const admin = requireRoleOf(viewer, "ADMIN");
  const result = await db.transaction(async (tx) => {
    await requireCohort(tx, cohortId, true);
    await requireActiveUsers(tx, userIds);
    const inserted = await tx
      .insert(cohortMembers)
      .values(userIds.map((userId) => ({ cohortId, userId })))
      .onConflictDoNothing()
      .returning({ userId: cohortMembers.userId });
    const added = inserted.map((r) => r.userId);
    const links = await tx
      .select({ courseId: cohortCourses.courseId, endsAt: cohortCourses.endsAt })
      .from(cohortCourses)
      .where(eq(cohortCourses.cohortId, cohortId))
      .orderBy(asc(cohortCourses.courseId));
    const enrolledIn: { courseId: string; enrolled: number }[] = [];
    for (const link of links) {
      await tx.select({ id: courses.id }).from(courses).where(eq(courses.id, link.courseId)).for("update");
      const { enrolled } = await insertEnrollments(tx, link.courseId, added, { actorId: admin.id, endsAt: link.endsAt });
      enrolledIn.push({ courseId: link.courseId, enrolled: enrolled.length });
    }
    const addedSet = new Set(added);
    return { added, alreadyMembers: userIds.filter((id) => !addedSet.has(id)), enrolledIn };
  });
  for (const { courseId, enrolled } of result.enrolledIn) if (enrolled > 0) analyticsChanged(courseId);
  return result;
}

/** Removes a member from the cohort. Their enrollments stay: unenroll them from a course on its learners page. */
export async function removeCohortMember(viewer: Viewer | null, cohortId: string, userId: string) {
  requireRoleOf(viewer, "ADMIN");
  await requireCohort(db, cohortId);
  const [row] = await db
    .delete(cohortMembers)
    .where(and(eq(cohortMembers.cohortId, cohortId), eq(cohortMembers.userId, userId)))
    .returning({ userId: cohortMembers.userId });
  if (!row) throw new AppError("NOT_FOUND", "This user is not a member of this cohort.");
}

/** Admins: the published courses a cohort may be enrolled in, A to Z (the cohort page's course picker). */
export async function publishedCoursesForCohorts(viewer: Viewer | null) {
  requireRoleOf(viewer, "ADMIN");
  return db
    .select({ id: courses.id, title: courses.title })
    .from(courses)
    .where(eq(courses.isPublished, true))
    .orderBy(asc(courses.title), asc(courses.id))
    .limit(1000);
}
