import { NextResponse } from "next/server";
import { route } from "@/app/_http/route";
import { clientIp } from "@/lib/http/request";
import { FORGOT_PASSWORD_ANSWER, requestPasswordReset } from "@/lib/users/password-reset";
import { emailOnlySchema } from "@/lib/validation/auth";

/** The same answer for known and unknown addresses; the mail goes out after the response. */
export const POST = route({ access: "public", body: emailOnlySchema }, async ({ request, body }) => {
  await requestPasswordReset(body.email, clientIp(request));
  return NextResponse.json({ message: FORGOT_PASSWORD_ANSWER });
});
