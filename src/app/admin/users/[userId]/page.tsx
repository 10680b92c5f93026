import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PasswordResetButton } from "@/components/admin/password-reset-button";
import { UserAccessForm } from "@/components/admin/user-access-form";
import { tableStyles } from "@/components/ui/table-styles";
import { getUserDetail } from "@/lib/admin/get-user-detail";
import { orNotFound, requirePageRole } from "@/app/_http/page-viewer";
import { userIdParams } from "@/lib/validation/ids";
import { ColumnHeads } from "@/components/ui/column-heads";
import { LocalTime } from "@/components/ui/local-time";

export const metadata: Metadata = { title: "User" };

const dateFormat = new Intl.DateTimeFormat("en", { dateStyle: "medium" });

export default async function AdminUserPage({ params }: { params: Promise<{ userId: string }> }) {
  const parsed = userIdParams.safeParse(await params);
  if (!parsed.success) notFound();
  const viewer = await requirePageRole(`/admin/users/${parsed.data.userId}`, "ADMIN");
  const { user, courses, enrollments } = await orNotFound(getUserDetail(viewer, parsed.data.userId));
  return (
    <div className="flex flex-col gap-8">
      <p>
        <Link href="/admin/users" className="text-sm font-medium text-indigo-700 underline dark:text-indigo-300">
          All users
        </Link>
      </p>
      <div className="flex flex-col gap-1">
        <h1 className="text-3xl font-bold tracking-tight">{user.name ?? user.email}</h1>
        <p className="text-slate-700 dark:text-slate-300">
          {user.email} · joined {dateFormat.format(user.createdAt)} ·{" "}
          {user.lastSignInAt ? (
            <>
              last signed in <LocalTime iso={user.lastSignInAt.toISOString()} />
            </>
          ) : (
            "never signed in"
          )}
        </p>
      </div>
      <UserAccessForm userId={user.id} role={user.role} disabled={user.disabledAt !== null} isSelf={user.id === viewer.id} />
      <PasswordResetButton userId={user.id} email={user.email} disabled={user.disabledAt !== null} />
      <section aria-labelledby="teaching-title" className="flex flex-col gap-3">
        <h2 id="teaching-title" className="text-xl font-semibold">
          Courses taught
        </h2>
        {courses.length === 0 ? (
          <p className="text-slate-700 dark:text-slate-300">None.</p>
        ) : (
          <div className={tableStyles.wrapper}>
            <table className={tableStyles.table}>
              <caption className={tableStyles.caption}>Courses taught</caption>
              <ColumnHeads columns={["Course", "Status", "Learners"]} />
              <tbody>
                {courses.map((c) => (
                  <tr key={c.id}>
                    <th scope="row" className={`${tableStyles.td} font-medium`}>
                      {c.title}
                    </th>
                    <td className={tableStyles.td}>{c.isPublished ? "Published" : "Draft"}</td>
                    <td className={tableStyles.td}>{c.learners}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <section aria-labelledby="learning-title" className="flex flex-col gap-3">
        <h2 id="learning-title" className="text-xl font-semibold">
          Enrollments
        </h2>
        {enrollments.length === 0 ? (
          <p className="text-slate-700 dark:text-slate-300">None.</p>
        ) : (
          <div className={tableStyles.wrapper}>
            <table className={tableStyles.table}>
              <caption className={tableStyles.caption}>Enrollments</caption>
              <ColumnHeads columns={["Course", "Enrolled", "Progress"]} />
              <tbody>
                {enrollments.map((e) => (
                  <tr key={e.courseId}>
                    <th scope="row" className={`${tableStyles.td} font-medium`}>
                      {e.title}
                    </th>
                    <td className={tableStyles.td}>{dateFormat.format(e.enrolledAt)}</td>
                    <td className={tableStyles.td}>{e.progress}%</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}
