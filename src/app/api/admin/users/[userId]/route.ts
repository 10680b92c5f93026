import { NextResponse } from "next/server";
import { route } from "@/app/_http/route";
import { getUserDetail } from "@/lib/admin/get-user-detail";
import { updateUserByAdmin } from "@/lib/admin/update-user";
import { adminUserUpdateSchema } from "@/lib/validation/admin";
import { userIdParams } from "@/lib/validation/ids";

/** Admins: a user with the courses they teach and take. */
export const GET = route({ access: ["ADMIN"], params: userIdParams }, async ({ viewer, params }) =>
  NextResponse.json(await getUserDetail(viewer, params.userId)),
);

/** Admins: change role and/or disable or enable; the user's next request sees it. */
export const PATCH = route({ access: ["ADMIN"], params: userIdParams, body: adminUserUpdateSchema }, async ({ viewer, params, body }) =>
  NextResponse.json({ user: await updateUserByAdmin(viewer, params.userId, body) }),
);
