import { NextResponse } from "next/server";
import { route } from "@/app/_http/route";
import { listUsers } from "@/lib/admin/list-users";
import { userListQuerySchema } from "@/lib/validation/admin";

/** Admins: users by search (name or e-mail) and role, 25 a page (?q=&role=&page=). */
export const GET = route({ access: ["ADMIN"], query: userListQuerySchema }, async ({ viewer, query }) =>
  NextResponse.json(await listUsers(viewer, query)),
);
