import "server-only";
import { and, eq, inArray, ne, or, sql } from "drizzle-orm";
import { randomBytes } from "node:crypto";
import { canViewCourse } from "@/lib/auth/course-permissions";
import type { Viewer } from "@/lib/auth/viewer";
import { db, type Transaction } from "@/lib/db/client";
import { courseSlugRedirects, courses } from "@/lib/db/schema";
import { AppError } from "@/lib/http/errors";
import { id as uuidSchema } from "@/lib/validation/ids";
import { isSlugOf, slugCandidates, slugify } from "./slugify";

/**
 * A course's URL is /courses/<slug>, the slug made from its title (./slugify.ts) and unique among the slugs courses
 * have now and the ones they had: an old slug keeps redirecting to its course, so no other course may take it. A
 * renamed course, draft or published, gets the slug of its new title, and the old one redirects for as long as the
 * course exists (renamed back, the course takes its old slug again).
 */

/** How many numbered variants are tried before a random suffix. */
const CANDIDATES = 50;

/** One slug assignment at a time in the whole database (transaction-scoped): choosing and writing are then race-free. */
const SLUG_LOCK = sql`select pg_advisory_xact_lock(7403529181)`;

/** The first of the title's slugs that no other course has or had; `courseId` may take back its own old ones. */
async function freeSlug(tx: Transaction, title: string, courseId: string | null): Promise<string> {
  const candidates = slugCandidates(slugify(title), CANDIDATES);
  const others = (column: typeof courses.id | typeof courseSlugRedirects.courseId) => (courseId ? ne(column, courseId) : undefined);
  const live = await tx
    .select({ slug: courses.slug })
    .from(courses)
    .where(and(inArray(courses.slug, candidates), others(courses.id)));
  const old = await tx
    .select({ slug: courseSlugRedirects.slug })
    .from(courseSlugRedirects)
    .where(and(inArray(courseSlugRedirects.slug, candidates), others(courseSlugRedirects.courseId)));
  const taken = new Set([...live, ...old].map((r) => r.slug));
  return candidates.find((c) => !taken.has(c)) ?? `${candidates.at(-1)}-${randomBytes(3).toString("hex")}`;
}

/** The slug for a course about to be created; call inside the transaction that inserts it. */
export async function slugForNewCourse(tx: Transaction, title: string): Promise<string> {
  await tx.execute(SLUG_LOCK);
  return freeSlug(tx, title, null);
}

/**
 * After a rename (inside its transaction): the slug of the new title, unless the current one already is one of its
 * forms and the plain one is taken ("intro-to-sql-2" stays for "Intro to SQL!"). A replaced slug is kept as a redirect.
 */
export async function followTitle(tx: Transaction, courseId: string, title: string): Promise<string> {
  await tx.execute(SLUG_LOCK);
  const [row] = await tx.select({ slug: courses.slug }).from(courses).where(eq(courses.id, courseId));
  const current = row!.slug;
  const base = slugify(title);
  if (current === base) return current;
  const next = await freeSlug(tx, title, courseId);
  // Still numbered because another course has the plain slug: keep the number rather than take another.
  if (next !== base && isSlugOf(current, base)) return current;
  await tx.delete(courseSlugRedirects).where(and(eq(courseSlugRedirects.slug, next), eq(courseSlugRedirects.courseId, courseId)));
  await tx.update(courses).set({ slug: next }).where(eq(courses.id, courseId));
  await tx.insert(courseSlugRedirects).values({ slug: current, courseId }).onConflictDoNothing();
  return next;
}

export type LocatedCourse = {
  id: string;
  slug: string;
  /** False when the URL used an old slug, the id or another case. */ current: boolean;
};

/**
 * The course a /courses/<segment> URL names: by its slug, by one of its old slugs, or by its id (the URLs before slugs).
 * A course the viewer may not see is a 404 whichever way it is asked for, so a draft's slug is never revealed.
 */
export async function locateCourse(viewer: Viewer | null, segment: string): Promise<LocatedCourse> {
  const notFound = new AppError("NOT_FOUND", "This course does not exist.");
  if (segment.length > 200) throw notFound;
  const wanted = segment.toLowerCase();
  const byOldSlug = db.select({ id: courseSlugRedirects.courseId }).from(courseSlugRedirects).where(eq(courseSlugRedirects.slug, wanted));
  const [row] = await db
    .select({ id: courses.id, slug: courses.slug, instructorId: courses.instructorId, isPublished: courses.isPublished })
    .from(courses)
    .where(
      or(
        eq(courses.slug, wanted),
        inArray(courses.id, byOldSlug),
        uuidSchema.safeParse(wanted).success ? eq(courses.id, wanted) : undefined,
      ),
    )
    // A title that happens to read like an id or an old slug of another course: the course whose slug it is wins.
    .orderBy(sql`${courses.slug} = ${wanted} desc`)
    .limit(1);
  if (!row || !canViewCourse(viewer, row)) throw notFound;
  return { id: row.id, slug: row.slug, current: row.slug === segment };
}
