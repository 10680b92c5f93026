import { NextResponse } from "next/server";
import { route } from "@/app/_http/route";
import { unsubscribeByToken } from "@/lib/mail/unsubscribe";
import { unsubscribeQuerySchema } from "@/lib/validation/unsubscribe";

/**
 * One-click unsubscribe (RFC 8058): the URL of a mail's List-Unsubscribe header, and what the /unsubscribe page's button
 * posts. Mail clients post it from elsewhere with no cookie (body `List-Unsubscribe=One-Click`, not read): the signed
 * token is the authority, so it is public and not same-origin. It turns one kind of mail off for one user; 200 when done.
 */
export const POST = route({ access: "public", sameOrigin: false, query: unsubscribeQuerySchema }, async ({ query }) =>
  NextResponse.json({ unsubscribed: await unsubscribeByToken(query.token) }, { headers: { "cache-control": "no-store" } }),
);
