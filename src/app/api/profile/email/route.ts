import { NextResponse } from "next/server";
import { requireUser } from "@/lib/auth/session";
import { parseJson, route } from "@/lib/http/handler";
import { assertSameOrigin, clientIp } from "@/lib/http/request";
import { EMAIL_CHANGE_ANSWER, requestEmailChange } from "@/lib/users/change-email";
import { changeEmailSchema } from "@/lib/validation/auth";

/** Asks to change the signed-in user's address: 202, and a link goes to the new address. */
export const POST = route(async (request) => {
  assertSameOrigin(request);
  const input = await parseJson(request, changeEmailSchema);
  const viewer = await requireUser();
  await requestEmailChange(viewer, input, clientIp(request));
  return NextResponse.json({ message: EMAIL_CHANGE_ANSWER }, { status: 202 });
});
