import { NextResponse } from "next/server";
import { route } from "@/app/_http/route";
import { verifyCertificate } from "@/lib/certificates/certificates";
import { clientIp } from "@/lib/http/request";
import { certificateParams } from "@/lib/validation/certificates";

/**
 * Anyone, signed in or not: who earned the certificate, for what, when, and whether it stands (valid, or revoked with
 * the date and reason). A code that names nothing is a plain 404; 20 of those an hour per network, then 429.
 */
export const GET = route({ access: "public", params: certificateParams }, async ({ request, params }) =>
  NextResponse.json({ certificate: await verifyCertificate(params.code, clientIp(request)) }),
);
