import "server-only";
import { and, count, desc, eq, ilike, isNotNull, isNull, or, type SQL } from "drizzle-orm";
import { requireRoleOf, requireSignedIn, type Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db/client";
import { certificates, courses, type Certificate } from "@/lib/db/schema";
import { AppError } from "@/lib/http/errors";
import { enforceLimits } from "@/lib/rate-limit/rate-limit";
import { CERTIFICATES_PAGE_SIZE, type CertificateListQuery } from "@/lib/validation/certificates";
import { formatCode, normalizeCode } from "./issue-certificates";

/** Codes that name no certificate, per network: 20 an hour, then 429 (guessing 60-bit codes goes nowhere anyway). */
export const CERTIFICATE_MISS_LIMIT = { limit: 20, windowSeconds: 3600 };
const NOT_FOUND = "Not found.";

export type PublicCertificate = {
  code: string;
  /** As printed: K7MQ-2XRP-9TWD. */
  displayCode: string;
  learnerName: string;
  courseTitle: string;
  instructorName: string | null;
  line: string | null;
  issuedAt: Date;
  lessons: number;
  status: "valid" | "revoked";
  revokedAt: Date | null;
  revokedReason: string | null;
  /** False once the course was deleted: the certificate stands, the course is no longer offered. */
  courseOffered: boolean;
  courseSlug: string | null;
};

function publicView(row: Certificate, courseSlug: string | null): PublicCertificate {
  return {
    code: row.code,
    displayCode: formatCode(row.code),
    learnerName: row.learnerName,
    courseTitle: row.courseTitle,
    instructorName: row.instructorName,
    line: row.line,
    issuedAt: row.issuedAt,
    lessons: row.completed.lessons.length,
    status: row.revokedAt ? "revoked" : "valid",
    revokedAt: row.revokedAt,
    revokedReason: row.revokedReason,
    courseOffered: row.courseId !== null,
    courseSlug,
  };
}

async function findByCode(code: string) {
  const [row] = await db
    .select({ certificate: certificates, courseSlug: courses.slug, published: courses.isPublished })
    .from(certificates)
    .leftJoin(courses, eq(courses.id, certificates.courseId))
    .where(eq(certificates.code, code));
  return row ?? null;
}

/**
 * The public verification of a code (no sign-in): who, what, when, and whether it stands. A code that names nothing is
 * a plain 404 with no hint, and counts against the caller's network (CERTIFICATE_MISS_LIMIT, then 429).
 */
export async function verifyCertificate(input: string, ip: string, now = Date.now()): Promise<PublicCertificate> {
  const code = normalizeCode(input);
  const row = code ? await findByCode(code) : null;
  if (!row) {
    await enforceLimits([{ key: `certificate-miss:ip:${ip}`, ...CERTIFICATE_MISS_LIMIT }], "certificate look-ups that found nothing", now);
    throw new AppError("NOT_FOUND", NOT_FOUND);
  }
  return publicView(row.certificate, row.published ? row.courseSlug : null);
}

/** The signed-in learner's certificates, newest first. */
export async function listMyCertificates(viewer: Viewer | null): Promise<PublicCertificate[]> {
  const user = requireSignedIn(viewer);
  const rows = await db
    .select({ certificate: certificates, courseSlug: courses.slug, published: courses.isPublished })
    .from(certificates)
    .leftJoin(courses, eq(courses.id, certificates.courseId))
    .where(eq(certificates.learnerId, user.id))
    .orderBy(desc(certificates.issuedAt), certificates.code);
  return rows.map((r) => publicView(r.certificate, r.published ? r.courseSlug : null));
}

/** The learner's certificate code per course id, for the cards of My courses. */
export async function myCertificateCodes(viewer: Viewer): Promise<Map<string, string>> {
  const rows = await db
    .select({ courseId: certificates.courseId, code: certificates.code })
    .from(certificates)
    .where(and(eq(certificates.learnerId, viewer.id), isNotNull(certificates.courseId)));
  return new Map(rows.map((r) => [r.courseId!, r.code]));
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Admins: every certificate, searchable by learner, course or code, filtered by status, newest first, 25 a page. */
export async function listCertificates(viewer: Viewer | null, query: CertificateListQuery) {
  requireRoleOf(viewer, "ADMIN");
  const filters: SQL[] = [];
  if (query.q) {
    const like = `%${escapeLike(query.q)}%`;
    const code = normalizeCode(query.q);
    filters.push(
      or(ilike(certificates.learnerName, like), ilike(certificates.courseTitle, like), ...(code ? [eq(certificates.code, code)] : []))!,
    );
  }
  if (query.status === "valid") filters.push(isNull(certificates.revokedAt));
  if (query.status === "revoked") filters.push(isNotNull(certificates.revokedAt));
  const where = filters.length ? and(...filters) : undefined;
  const [rows, [total]] = await Promise.all([
    db
      .select({ certificate: certificates, courseSlug: courses.slug, published: courses.isPublished })
      .from(certificates)
      .leftJoin(courses, eq(courses.id, certificates.courseId))
      .where(where)
      .orderBy(desc(certificates.issuedAt), certificates.code)
      .limit(CERTIFICATES_PAGE_SIZE)
      .offset((query.page - 1) * CERTIFICATES_PAGE_SIZE),
    db.select({ value: count() }).from(certificates).where(where),
  ]);
  const totalCount = total?.value ?? 0;
  return {
    certificates: rows.map((r) => ({
      ...publicView(r.certificate, r.published ? r.courseSlug : null),
      learnerId: r.certificate.learnerId,
    })),
    page: query.page,
    pageSize: CERTIFICATES_PAGE_SIZE,
    total: totalCount,
    pageCount: Math.max(1, Math.ceil(totalCount / CERTIFICATES_PAGE_SIZE)),
  };
}

async function adminCertificate(viewer: Viewer | null, input: string) {
  requireRoleOf(viewer, "ADMIN");
  const code = normalizeCode(input);
  const row = code ? await findByCode(code) : null;
  if (!row) throw new AppError("NOT_FOUND", "No certificate has this code.");
  return row;
}

/** Admins revoke a certificate with a reason: its page and API say revoked, when and why; the PDF is no longer served. */
export async function revokeCertificate(viewer: Viewer | null, input: string, reason: string, now = new Date()) {
  const row = await adminCertificate(viewer, input);
  const [updated] = await db
    .update(certificates)
    .set({ revokedAt: row.certificate.revokedAt ?? now, revokedReason: reason, revokedBy: viewer!.id })
    .where(eq(certificates.id, row.certificate.id))
    .returning();
  return publicView(updated!, row.published ? row.courseSlug : null);
}

/** Admins restore a revoked certificate: it is valid again, as issued. */
export async function restoreCertificate(viewer: Viewer | null, input: string) {
  const row = await adminCertificate(viewer, input);
  const [updated] = await db
    .update(certificates)
    .set({ revokedAt: null, revokedReason: null, revokedBy: null })
    .where(eq(certificates.id, row.certificate.id))
    .returning();
  return publicView(updated!, row.published ? row.courseSlug : null);
}

/** The certificate behind a PDF download: a valid one only (a revoked certificate's PDF is a 410), with no hint for a wrong code. */
export async function certificateForPdf(input: string, ip: string, now = Date.now()) {
  const view = await verifyCertificate(input, ip, now);
  if (view.status === "revoked") throw new AppError("GONE", "This certificate was revoked.");
  return view;
}
