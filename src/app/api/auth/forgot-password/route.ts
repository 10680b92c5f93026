import { NextResponse } from "next/server";
import { parseJson, route } from "@/lib/http/handler";
import { assertSameOrigin, clientIp } from "@/lib/http/request";
import { FORGOT_PASSWORD_ANSWER, requestPasswordReset } from "@/lib/users/password-reset";
import { emailOnlySchema } from "@/lib/validation/auth";

/** The same answer for known and unknown addresses; the mail goes out after the response. */
export const POST = route(async (request) => {
  assertSameOrigin(request);
  const { email } = await parseJson(request, emailOnlySchema);
  await requestPasswordReset(email, clientIp(request));
  return NextResponse.json({ message: FORGOT_PASSWORD_ANSWER });
});
