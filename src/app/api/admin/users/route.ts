import { NextResponse } from "next/server";
import { listUsers } from "@/lib/admin/list-users";
import { parseQuery, route } from "@/lib/http/handler";
import { userListQuerySchema } from "@/lib/validation/admin";

/** Admins: users by search (name or e-mail) and role, 25 a page (?q=&role=&page=). */
export const GET = route(async (request) => NextResponse.json(await listUsers(parseQuery(request, userListQuerySchema))));
