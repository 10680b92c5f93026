import { NextResponse } from "next/server";
import { getUserDetail } from "@/lib/admin/get-user-detail";
import { updateUserByAdmin } from "@/lib/admin/update-user";
import { parseJson, parseParams, route } from "@/lib/http/handler";
import { assertSameOrigin } from "@/lib/http/request";
import { adminUserUpdateSchema, userIdParamsSchema } from "@/lib/validation/admin";

/** Admins: a user with the courses they teach and take. */
export const GET = route<{ userId: string }>(async (_request, { params }) => {
  const { userId } = parseParams(await params, userIdParamsSchema);
  return NextResponse.json(await getUserDetail(userId));
});

/** Admins: change role and/or disable or enable; the user's next request sees it. */
export const PATCH = route<{ userId: string }>(async (request, { params }) => {
  assertSameOrigin(request);
  const { userId } = parseParams(await params, userIdParamsSchema);
  const change = await parseJson(request, adminUserUpdateSchema);
  return NextResponse.json({ user: await updateUserByAdmin(userId, change) });
});
