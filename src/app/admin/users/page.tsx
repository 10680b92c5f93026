import type { Metadata } from "next";
import Link from "next/link";
import { PageNav } from "@/components/ui/page-nav";
import { buttonStyles } from "@/components/ui/button-styles";
import { badgeStyles, tableStyles } from "@/components/ui/table-styles";
import { listUsers } from "@/lib/admin/list-users";
import { userListQuerySchema, type UserListQuery } from "@/lib/validation/admin";
import { requirePageRole } from "@/app/_http/page-viewer";
import { ColumnHeads } from "@/components/ui/column-heads";

export const metadata: Metadata = { title: "Users" };

const dateFormat = new Intl.DateTimeFormat("en", { dateStyle: "medium" });
const roleLabels = { LEARNER: "Learner", INSTRUCTOR: "Instructor", ADMIN: "Admin" } as const;
const inputClass =
  "rounded-lg border border-slate-400 bg-white px-3 py-2 text-slate-900 dark:border-slate-500 dark:bg-slate-900 dark:text-slate-100";

function pageHref(query: UserListQuery, page: number) {
  const params = new URLSearchParams();
  if (query.q) params.set("q", query.q);
  if (query.role) params.set("role", query.role);
  if (page > 1) params.set("page", String(page));
  const s = params.toString();
  return `/admin/users${s ? `?${s}` : ""}`;
}

export default async function AdminUsersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[]>> }) {
  const viewer = await requirePageRole("/admin/users", "ADMIN");
  const raw = await searchParams;
  const parsed = userListQuerySchema.safeParse({ q: raw.q, role: raw.role, page: raw.page });
  const query: UserListQuery = parsed.success ? parsed.data : { q: "", role: undefined, page: 1 };
  const result = await listUsers(viewer, query);
  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-3xl font-bold tracking-tight">Users</h1>
        <p className="flex flex-wrap gap-3">
          <Link href="/admin/invitations" className={buttonStyles.secondary}>
            Invite people
          </Link>
          <Link href="/admin/users/import" className={buttonStyles.secondary}>
            Import from CSV
          </Link>
        </p>
      </div>
      <form method="get" role="search" aria-label="Users" className="flex flex-wrap items-end gap-3">
        <p className="flex flex-col gap-1">
          <label htmlFor="user-search" className="text-sm font-medium">
            Name or e-mail
          </label>
          <input id="user-search" name="q" type="search" defaultValue={query.q} className={inputClass} />
        </p>
        <p className="flex flex-col gap-1">
          <label htmlFor="user-role" className="text-sm font-medium">
            Role
          </label>
          <select id="user-role" name="role" defaultValue={query.role ?? ""} className={inputClass}>
            <option value="">All roles</option>
            <option value="LEARNER">Learners</option>
            <option value="INSTRUCTOR">Instructors</option>
            <option value="ADMIN">Admins</option>
          </select>
        </p>
        <button type="submit" className={buttonStyles.primary}>
          Search
        </button>
      </form>
      <p aria-live="polite" className="text-sm text-slate-700 dark:text-slate-300">
        {result.total === 0
          ? "No users match."
          : `${result.total} user${result.total === 1 ? "" : "s"}, page ${result.page} of ${result.pageCount}.`}
      </p>
      {result.users.length > 0 && (
        <div className={tableStyles.wrapper}>
          <table className={tableStyles.table}>
            <caption className={tableStyles.caption}>Users</caption>
            <ColumnHeads columns={["Name", "E-mail", "Role", "Status", "Joined", "Last sign-in"]} />
            <tbody>
              {result.users.map((user) => (
                <tr key={user.id}>
                  <th scope="row" className={`${tableStyles.td} font-medium`}>
                    <Link href={`/admin/users/${user.id}`} className="hover:underline">
                      {user.name ?? "(no name)"}
                    </Link>
                  </th>
                  <td className={tableStyles.td}>{user.email}</td>
                  <td className={tableStyles.td}>{roleLabels[user.role]}</td>
                  <td className={tableStyles.td}>
                    {user.disabledAt ? (
                      <span className={badgeStyles.red}>Disabled</span>
                    ) : user.onboardedAt ? (
                      <span className={badgeStyles.green}>Active</span>
                    ) : (
                      <span className={badgeStyles.slate}>Not onboarded</span>
                    )}
                  </td>
                  <td className={tableStyles.td}>{dateFormat.format(user.createdAt)}</td>
                  <td className={tableStyles.td}>{user.lastSignInAt ? dateFormat.format(user.lastSignInAt) : "Never"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <PageNav page={result.page} pageCount={result.pageCount} hrefFor={(p) => pageHref(query, p)} />
    </div>
  );
}
