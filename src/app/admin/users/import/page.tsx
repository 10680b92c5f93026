import type { Metadata } from "next";
import Link from "next/link";
import { requirePageRole } from "@/app/_http/page-viewer";
import { UserImport } from "@/components/admin/user-import";

export const metadata: Metadata = { title: "Import users" };

/** Admins: bulk import of accounts, cohorts and enrollments from a CSV, checked row by row before anything is written. */
export default async function ImportUsersPage() {
  await requirePageRole("/admin/users/import", "ADMIN");
  return (
    <div className="flex min-w-0 flex-col gap-6">
      <div className="flex flex-col gap-2">
        <p className="text-sm">
          <Link href="/admin/users" className="font-medium text-indigo-700 underline dark:text-indigo-300">
            Users
          </Link>
        </p>
        <h1 className="text-3xl font-bold tracking-tight">Import users</h1>
        <p className="text-slate-700 dark:text-slate-300">
          One row per person. A new address makes an account; an existing one joins the row’s cohort and courses (a name the person set and
          a higher role are kept, a learner can be raised to instructor). Importing the same file again changes nothing.
        </p>
      </div>
      <UserImport />
    </div>
  );
}
