import { NextResponse } from "next/server";
import { requireUser } from "@/lib/auth/session";
import { route } from "@/lib/http/handler";
import { assertSameOrigin } from "@/lib/http/request";
import { resendVerification } from "@/lib/users/email-verification";

/** A new confirmation link for the signed-in user's address (3 an hour). */
export const POST = route(async (request) => {
  assertSameOrigin(request);
  const viewer = await requireUser();
  await resendVerification(viewer);
  return NextResponse.json({ message: `We have sent a new link to ${viewer.email}.` });
});
