import { NextResponse } from "next/server";
import { route } from "@/app/_http/route";
import { readCallbackUrl } from "@/lib/auth/return-path";
import { clientIp } from "@/lib/http/request";
import { MAGIC_LINK_ANSWER, sendMagicLink } from "@/lib/users/send-magic-link";
import { magicLinkSchema } from "@/lib/validation/auth";

/** Mails a one-time sign-in link; the answer is the same whether or not the address has an account. */
export const POST = route({ access: "public", body: magicLinkSchema }, async ({ request, body }) => {
  await sendMagicLink(body.email, readCallbackUrl(body.callbackUrl) ?? "/dashboard", clientIp(request));
  return NextResponse.json({ message: MAGIC_LINK_ANSWER });
});
