import type { Metadata } from "next";
import Link from "next/link";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { cache } from "react";
import { BadgeCheck, Ban, Download } from "lucide-react";
import { courseHref } from "@/components/course/course-href";
import { buttonStyles } from "@/components/ui/button-styles";
import { env } from "@/env";
import { verifyCertificate, type PublicCertificate } from "@/lib/certificates/certificates";
import { AppError } from "@/lib/http/errors";
import { clientIp } from "@/lib/http/request";

type Props = { params: Promise<{ code: string }> };

const dateFormat = new Intl.DateTimeFormat("en", { dateStyle: "long", timeZone: "UTC" });

/**
 * One look-up per request, shared by the metadata and the page. A wrong code is the plain 404 page; too many wrong codes
 * from one network say so.
 */
const load = cache(async (code: string): Promise<PublicCertificate | { limited: string }> => {
  try {
    return await verifyCertificate(code.slice(0, 32), clientIp({ headers: await headers() }));
  } catch (error) {
    if (AppError.is(error) && error.code === "NOT_FOUND") notFound();
    if (AppError.is(error) && error.code === "RATE_LIMITED") return { limited: error.message };
    throw error;
  }
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const certificate = await load((await params).code);
  if ("limited" in certificate) return { title: "Certificate" };
  const title = `${certificate.learnerName} completed ${certificate.courseTitle}`;
  const description =
    certificate.status === "valid"
      ? `A certificate of completion issued by BudhHub on ${dateFormat.format(certificate.issuedAt)}. Code ${certificate.displayCode}.`
      : `This certificate was revoked on ${dateFormat.format(certificate.revokedAt!)}.`;
  const url = `/certificates/${certificate.code}`;
  return {
    metadataBase: new URL(env.appUrl),
    title: `Certificate ${certificate.displayCode}`,
    description,
    alternates: { canonical: url },
    openGraph: { type: "article", siteName: "BudhHub", url, title, description },
    twitter: { card: "summary", title, description },
    robots: { index: false },
  };
}

/** Public, no sign-in: who earned the certificate, for what, when, and whether it stands. */
export default async function CertificatePage({ params }: Props) {
  const certificate = await load((await params).code);
  if ("limited" in certificate) {
    return (
      <div className="flex flex-col gap-4">
        <h1 className="text-3xl font-bold tracking-tight">Certificate</h1>
        <p role="alert">{certificate.limited}</p>
      </div>
    );
  }
  const valid = certificate.status === "valid";
  return (
    <article className="mx-auto flex w-full max-w-3xl flex-col gap-6" aria-labelledby="certificate-title">
      <div className="flex flex-col gap-2">
        <p className="text-sm font-medium uppercase tracking-wide text-slate-700 dark:text-slate-300">Certificate of completion</p>
        <h1 id="certificate-title" className="text-3xl font-bold tracking-tight">
          {certificate.learnerName}
        </h1>
        <p className="text-lg">
          completed <strong className="font-semibold">{certificate.courseTitle}</strong>
          {certificate.instructorName && <> taught by {certificate.instructorName}</>} on {dateFormat.format(certificate.issuedAt)}.
        </p>
      </div>
      {valid ? (
        <p className="flex items-center gap-2 rounded-lg border border-emerald-700 bg-emerald-50 p-3 text-emerald-900 dark:border-emerald-400 dark:bg-emerald-950 dark:text-emerald-100">
          <BadgeCheck aria-hidden className="size-5 shrink-0" />
          <span>
            <strong>Valid.</strong> BudhHub issued this certificate and it stands.
          </span>
        </p>
      ) : (
        <p className="flex items-center gap-2 rounded-lg border border-red-700 bg-red-50 p-3 text-red-900 dark:border-red-400 dark:bg-red-950 dark:text-red-100">
          <Ban aria-hidden className="size-5 shrink-0" />
          <span>
            <strong>Revoked</strong> on {dateFormat.format(certificate.revokedAt!)}: {certificate.revokedReason}
          </span>
        </p>
      )}
      <dl className="grid grid-cols-[max-content_1fr] gap-x-6 gap-y-2">
        <dt className="font-medium">Code</dt>
        <dd className="font-mono">{certificate.displayCode}</dd>
        <dt className="font-medium">Course</dt>
        <dd>
          {certificate.courseSlug ? (
            <Link href={courseHref({ slug: certificate.courseSlug })} className="text-indigo-700 underline dark:text-indigo-300">
              {certificate.courseTitle}
            </Link>
          ) : (
            certificate.courseTitle
          )}
          {!certificate.courseOffered && " (course no longer offered)"}
        </dd>
        <dt className="font-medium">Completed</dt>
        <dd>{certificate.lessons === 1 ? "1 lesson" : `${certificate.lessons} lessons`}, every one of them</dd>
        {certificate.line && (
          <>
            <dt className="font-medium">Note</dt>
            <dd>{certificate.line}</dd>
          </>
        )}
      </dl>
      {valid && (
        <p>
          <a href={`/api/certificates/${certificate.code}/pdf`} className={buttonStyles.secondary} download>
            <Download aria-hidden className="size-4" /> Download the PDF
          </a>
        </p>
      )}
    </article>
  );
}
