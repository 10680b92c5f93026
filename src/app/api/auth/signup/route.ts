import { NextResponse } from "next/server";
import { route } from "@/app/_http/route";
import { readCallbackUrl } from "@/lib/auth/return-path";
import { clientIp } from "@/lib/http/request";
import { SIGN_UP_ANSWER, signUpWithPassword } from "@/lib/users/sign-up-with-password";
import { signUpSchema } from "@/lib/validation/auth";

/**
 * Sign up with name, e-mail and password: 202 "check your inbox", the same for a new and a known address. The new
 * account confirms its address through the mailed link, which also signs it in; it can sign in with its password too.
 */
export const POST = route({ access: "public", body: signUpSchema }, async ({ request, body }) => {
  await signUpWithPassword({ ...body, callbackUrl: readCallbackUrl(body.callbackUrl) }, clientIp(request));
  const next = `/check-email?for=signup&email=${encodeURIComponent(body.email)}`;
  return NextResponse.json({ message: SIGN_UP_ANSWER, next }, { status: 202 });
});
