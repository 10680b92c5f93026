import { NextResponse } from "next/server";
import { parseJson, route } from "@/lib/http/handler";
import { assertSameOrigin } from "@/lib/http/request";
import { resetPassword } from "@/lib/users/password-reset";
import { resetPasswordSchema } from "@/lib/validation/auth";

/** Sets a new password with a mailed token; every session of the user ends, so they sign in again. */
export const POST = route(async (request) => {
  assertSameOrigin(request);
  const input = await parseJson(request, resetPasswordSchema);
  await resetPassword(input);
  return NextResponse.json({ message: "Your password has been changed. Sign in with the new one." });
});
