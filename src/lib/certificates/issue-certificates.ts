import "server-only";
import { randomBytes } from "node:crypto";
import { and, asc, eq, inArray, isNotNull, isNull, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { db, type Transaction } from "@/lib/db/client";
import { certificates, courses, enrollments, lessons, modules, users, type CertificateSnapshot } from "@/lib/db/schema";
import { log } from "@/lib/log/logger";
import { notify } from "@/lib/notifications/notifications";

/**
 * Crockford's base 32: digits and capitals without I, L, O and U, so that a code read aloud or typed from paper is
 * unambiguous (a typed o, i or l is read as 0, 1, 1). 12 characters carry 60 random bits.
 */
export const CODE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
export const CODE_LENGTH = 12;
const CODE_PATTERN = new RegExp(`^[${CODE_ALPHABET}]{${CODE_LENGTH}}$`);

/** A new random code: each character from 5 bits of one random byte (256 is a multiple of 32: no bias). */
export function newCertificateCode(): string {
  return [...randomBytes(CODE_LENGTH)].map((b) => CODE_ALPHABET[b & 31]).join("");
}

/** A code as a person may type it (any case, dashes or spaces, O for 0, I or L for 1), or null if it cannot be one. */
export function normalizeCode(input: string): string | null {
  const code = input.toUpperCase().replace(/[\s-]/g, "").replace(/O/g, "0").replace(/[IL]/g, "1");
  return CODE_PATTERN.test(code) ? code : null;
}

/** "K7MQ2XRP9TWD" → "K7MQ-2XRP-9TWD", as printed and shown. */
export const formatCode = (code: string) => code.match(/.{1,4}/g)!.join("-");

const MAX_CODE_TRIES = 5;

/**
 * Issues the certificates these completed enrollments have earned, in the caller's transaction (the one that completed
 * the course): one per learner and course, only while the course has certificates on, copying the names, title, line
 * and the lessons as they are now. The unique (course, learner) pair makes a concurrent second completion issue
 * nothing more. A code that happens to be taken already is drawn again (a few times). Returns the codes issued.
 */
export async function issueCertificates(
  tx: Transaction,
  courseId: string,
  enrollmentIds: string[],
  { newCode = newCertificateCode, now = new Date() }: { newCode?: () => string; now?: Date } = {},
): Promise<string[]> {
  if (enrollmentIds.length === 0) return [];
  const instructor = alias(users, "instructor");
  const due = await tx
    .select({
      learnerId: enrollments.learnerId,
      learnerName: sql<string>`coalesce(nullif(${users.name}, ''), ${users.email})`,
      courseTitle: courses.title,
      line: courses.certificateLine,
      instructorName: instructor.name,
    })
    .from(enrollments)
    .innerJoin(courses, eq(courses.id, enrollments.courseId))
    .innerJoin(users, eq(users.id, enrollments.learnerId))
    .innerJoin(instructor, eq(instructor.id, courses.instructorId))
    .leftJoin(certificates, and(eq(certificates.courseId, enrollments.courseId), eq(certificates.learnerId, enrollments.learnerId)))
    .where(
      and(
        eq(enrollments.courseId, courseId),
        inArray(enrollments.id, enrollmentIds),
        isNotNull(enrollments.completedAt),
        eq(courses.certificateEnabled, true),
        isNull(certificates.id),
      ),
    );
  if (due.length === 0) return [];
  const lessonRows = await tx
    .select({ title: lessons.title, kind: lessons.kind })
    .from(lessons)
    .innerJoin(modules, eq(modules.id, lessons.moduleId))
    .where(eq(modules.courseId, courseId))
    .orderBy(asc(modules.ord), asc(lessons.ord));
  const completed: CertificateSnapshot = { lessons: lessonRows };

  const issued: string[] = [];
  let waiting = due;
  for (let attempt = 1; waiting.length > 0 && attempt <= MAX_CODE_TRIES; attempt += 1) {
    const rows = waiting.map((d) => ({ ...d, courseId, code: newCode(), completed, issuedAt: now }));
    // Any conflict is skipped: the pair (a concurrent completion issued it) or the code (drawn again below).
    const inserted = await tx
      .insert(certificates)
      .values(rows)
      .onConflictDoNothing()
      .returning({ learnerId: certificates.learnerId, code: certificates.code });
    issued.push(...inserted.map((r) => r.code));
    await notify(
      tx,
      "certificate_issued",
      inserted.map((r) => ({
        userId: r.learnerId,
        title: `Your certificate: ${due[0]!.courseTitle}`,
        body: `Code ${formatCode(r.code)}. Download it or share its link.`,
        link: `/certificates/${r.code}`,
      })),
    );
    const done = new Set(inserted.map((r) => r.learnerId));
    const left = waiting.filter((d) => !done.has(d.learnerId));
    if (left.length === 0) break;
    const holding = await tx
      .select({ learnerId: certificates.learnerId })
      .from(certificates)
      .where(
        and(
          eq(certificates.courseId, courseId),
          inArray(
            certificates.learnerId,
            left.map((d) => d.learnerId),
          ),
        ),
      );
    const held = new Set(holding.map((r) => r.learnerId));
    waiting = left.filter((d) => !held.has(d.learnerId));
  }
  if (waiting.length > 0) {
    // Five draws of 60 bits colliding is not chance: something is wrong with the generator. Leave the completion be.
    log("CERTIFICATES").error({ courseId, learners: waiting.length }, "no free certificate code after several draws");
  }
  return issued;
}

/**
 * Issues certificates to everyone who completed the course before certificates were turned on: batches of 500, each
 * its own transaction, until none is left. Safe to run twice or beside live completions (issuing skips the issued).
 */
export async function backIssueCertificates(courseId: string, batchSize = 500): Promise<number> {
  let total = 0;
  for (;;) {
    const batch = await db
      .select({ id: enrollments.id })
      .from(enrollments)
      .leftJoin(certificates, and(eq(certificates.courseId, enrollments.courseId), eq(certificates.learnerId, enrollments.learnerId)))
      .where(and(eq(enrollments.courseId, courseId), isNotNull(enrollments.completedAt), isNull(certificates.id)))
      .orderBy(enrollments.id)
      .limit(batchSize);
    if (batch.length === 0) return total;
    const issued = await db.transaction((tx) =>
      issueCertificates(
        tx,
        courseId,
        batch.map((b) => b.id),
      ),
    );
    total += issued.length;
    // Certificates off meanwhile (or codes exhausted): nothing more will be issued; stop rather than loop.
    if (issued.length === 0) return total;
  }
}
