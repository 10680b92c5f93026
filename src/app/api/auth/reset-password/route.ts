import { NextResponse } from "next/server";
import { route } from "@/app/_http/route";
import { resetPassword } from "@/lib/users/password-reset";
import { resetPasswordSchema } from "@/lib/validation/auth";

/** Sets a new password with a mailed token; every session of the user ends, so they sign in again. */
export const POST = route({ access: "public", body: resetPasswordSchema }, async ({ body }) => {
  await resetPassword(body);
  return NextResponse.json({ message: "Your password has been changed. Sign in with the new one." });
});
