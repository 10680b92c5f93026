import type { Metadata } from "next";
import Link from "next/link";
import { Award, Download } from "lucide-react";
import { CopyLinkButton } from "@/components/certificates/copy-link-button";
import { buttonStyles } from "@/components/ui/button-styles";
import { badgeStyles } from "@/components/ui/table-styles";
import { listMyCertificates } from "@/lib/certificates/certificates";
import { requirePageUser } from "@/app/_http/page-viewer";

export const metadata: Metadata = { title: "My certificates" };

const dateFormat = new Intl.DateTimeFormat("en", { dateStyle: "long", timeZone: "UTC" });

/** The learner's certificates, newest first: each with its public page (the link to share) and its PDF. */
export default async function MyCertificatesPage() {
  const viewer = await requirePageUser("/my-certificates");
  const certificates = await listMyCertificates(viewer);
  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-3xl font-bold tracking-tight">My certificates</h1>
      {certificates.length === 0 ? (
        <p className="text-slate-700 dark:text-slate-300">
          No certificate yet. Courses that award one issue it when you complete them.{" "}
          <Link href="/my-courses" className={buttonStyles.link}>
            My courses
          </Link>
        </p>
      ) : (
        <ul aria-label="My certificates" className="grid gap-4 md:grid-cols-2">
          {certificates.map((c) => (
            <li key={c.code}>
              <article className="flex h-full flex-col gap-3 rounded-xl border border-slate-200 bg-white p-4 shadow-sm dark:border-slate-800 dark:bg-slate-900">
                <div className="flex items-start justify-between gap-3">
                  <h2 className="min-w-0 break-words text-lg font-semibold leading-snug">
                    <Award aria-hidden className="mr-1 inline size-5 align-text-bottom" />
                    {c.courseTitle}
                  </h2>
                  <span className={c.status === "valid" ? badgeStyles.green : badgeStyles.red}>
                    {c.status === "valid" ? "Valid" : "Revoked"}
                  </span>
                </div>
                <p className="text-sm text-slate-700 dark:text-slate-300">
                  Issued {dateFormat.format(c.issuedAt)} · code <span className="font-mono">{c.displayCode}</span>
                  {!c.courseOffered && " · course no longer offered"}
                </p>
                <p className="mt-auto flex flex-wrap gap-2">
                  <Link href={`/certificates/${c.code}`} className={buttonStyles.secondary}>
                    View<span className="sr-only"> the certificate for {c.courseTitle}</span>
                  </Link>
                  {c.status === "valid" && (
                    <a href={`/api/certificates/${c.code}/pdf`} download className={buttonStyles.primary}>
                      <Download aria-hidden className="size-4" /> Download PDF<span className="sr-only"> of {c.courseTitle}</span>
                    </a>
                  )}
                  <CopyLinkButton path={`/certificates/${c.code}`} label={`the certificate for ${c.courseTitle}`} />
                </p>
              </article>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
