import { NextResponse } from "next/server";
import { route } from "@/app/_http/route";
import { sendPasswordResetByAdmin } from "@/lib/admin/send-password-reset";
import { userIdParams } from "@/lib/validation/ids";

/** Admins: mail the user a password-reset link (the forgot-password mail); 3 an hour per user. */
export const POST = route({ access: ["ADMIN"], params: userIdParams }, async ({ viewer, params }) => {
  const { email } = await sendPasswordResetByAdmin(viewer, params.userId);
  return NextResponse.json({ message: `A password-reset link is on its way to ${email}. It works once, for an hour.` }, { status: 202 });
});
