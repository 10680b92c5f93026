import { NextResponse } from "next/server";
import { route } from "@/app/_http/route";
import { resendVerification } from "@/lib/users/email-verification";

/** A new confirmation link for the signed-in user's address (3 an hour). */
export const POST = route({ access: "user" }, async ({ viewer }) => {
  await resendVerification(viewer);
  return NextResponse.json({ message: `We have sent a new link to ${viewer.email}.` });
});
