import "server-only";
import { and, count, desc, eq, ilike, or, type SQL } from "drizzle-orm";
import { requireRoleOf, type Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db/client";
import { users } from "@/lib/db/schema";
import { USERS_PAGE_SIZE, type UserListQuery } from "@/lib/validation/admin";

/** What admin pages show of a user: never a hash. */
export const adminUserColumns = {
  id: users.id,
  name: users.name,
  email: users.email,
  role: users.role,
  createdAt: users.createdAt,
  onboardedAt: users.onboardedAt,
  disabledAt: users.disabledAt,
  lastSignInAt: users.lastSignInAt,
};

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Admins only: users matching the search and role, newest first, one page and the total. */
export async function listUsers(viewer: Viewer, query: UserListQuery) {
  requireRoleOf(viewer, "ADMIN");
  const filters: SQL[] = [];
  if (query.q) {
    const pattern = `%${escapeLike(query.q)}%`;
    filters.push(or(ilike(users.name, pattern), ilike(users.email, pattern))!);
  }
  if (query.role) filters.push(eq(users.role, query.role));
  const where = filters.length ? and(...filters) : undefined;
  const [rows, [total]] = await Promise.all([
    db
      .select(adminUserColumns)
      .from(users)
      .where(where)
      .orderBy(desc(users.createdAt), users.id)
      .limit(USERS_PAGE_SIZE)
      .offset((query.page - 1) * USERS_PAGE_SIZE),
    db.select({ value: count() }).from(users).where(where),
  ]);
  const totalCount = total?.value ?? 0;
  return {
    users: rows,
    page: query.page,
    pageSize: USERS_PAGE_SIZE,
    total: totalCount,
    pageCount: Math.max(1, Math.ceil(totalCount / USERS_PAGE_SIZE)),
  };
}
