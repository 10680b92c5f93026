import type { Metadata } from "next";
import Link from "next/link";
import { buttonStyles } from "@/components/ui/button-styles";
import { countUsersByRole } from "@/lib/admin/count-users-by-role";
import { requirePageRole } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Admin" };

export default async function AdminPage() {
  await requirePageRole("/admin", "ADMIN");
  const counts = await countUsersByRole();
  const figures = [
    { label: "Learners", value: counts.byRole.LEARNER },
    { label: "Instructors", value: counts.byRole.INSTRUCTOR },
    { label: "Admins", value: counts.byRole.ADMIN },
    { label: "Disabled accounts", value: counts.disabled },
  ];
  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-3xl font-bold tracking-tight">Admin</h1>
      <section aria-labelledby="users-title" className="flex flex-col gap-3">
        <h2 id="users-title" className="text-xl font-semibold">
          Users
        </h2>
        <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
          {figures.map((f) => (
            <div key={f.label} className="rounded-xl border border-slate-200 p-4 dark:border-slate-800">
              <dt className="text-sm text-slate-600 dark:text-slate-300">{f.label}</dt>
              <dd className="text-2xl font-semibold tabular-nums">{f.value}</dd>
            </div>
          ))}
        </dl>
        <p>
          <Link href="/admin/users" className={buttonStyles.primary}>
            Manage users
          </Link>{" "}
          <Link href="/admin/courses" className={buttonStyles.secondary}>
            All courses
          </Link>
        </p>
      </section>
    </div>
  );
}
