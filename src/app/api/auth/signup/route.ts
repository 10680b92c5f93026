import { NextResponse } from "next/server";
import { readCallbackUrl } from "@/lib/auth/return-path";
import { parseJson, route } from "@/lib/http/handler";
import { assertSameOrigin, clientIp } from "@/lib/http/request";
import { SIGN_UP_ANSWER, signUpWithPassword } from "@/lib/users/sign-up-with-password";
import { signUpSchema } from "@/lib/validation/auth";

/**
 * Sign up with name, e-mail and password: 202 "check your inbox", the same for a new and a known address. The new
 * account confirms its address through the mailed link, which also signs it in; it can sign in with its password too.
 */
export const POST = route(async (request) => {
  assertSameOrigin(request);
  const input = await parseJson(request, signUpSchema);
  await signUpWithPassword({ ...input, callbackUrl: readCallbackUrl(input.callbackUrl) }, clientIp(request));
  return NextResponse.json({ message: SIGN_UP_ANSWER, next: `/check-email?for=signup&email=${encodeURIComponent(input.email)}` }, { status: 202 });
});
