import { NextResponse } from "next/server";
import { route } from "@/app/_http/route";
import { clientIp } from "@/lib/http/request";
import { EMAIL_CHANGE_ANSWER, requestEmailChange } from "@/lib/users/change-email";
import { changeEmailSchema } from "@/lib/validation/auth";

/** Asks to change the signed-in user's address: 202, and a link goes to the new address. */
export const POST = route({ access: "user", body: changeEmailSchema }, async ({ request, viewer, body }) => {
  await requestEmailChange(viewer, body, clientIp(request));
  return NextResponse.json({ message: EMAIL_CHANGE_ANSWER }, { status: 202 });
});
