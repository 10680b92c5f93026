import type { Metadata } from "next";

export const metadata: Metadata = { title: "About" };

/** Reads no data: `npm run bench` uses it as the baseline every other page is compared with. */
export default function AboutPage() {
  return (
    <article className="prose flex max-w-2xl flex-col gap-4">
      <h1 className="text-3xl font-bold tracking-tight">About BudhHub</h1>
      <p>
        BudhHub is an open-source learning management system that a school, a company academy or an independent teacher can run themselves.
        Learners browse the catalog, enroll and take courses in the browser; instructors author courses and upload video; admins manage
        users.
      </p>
      <p>
        It starts with one command on an embedded database, and scales out to managed Postgres and S3-compatible object storage when you
        need it.
      </p>
    </article>
  );
}
