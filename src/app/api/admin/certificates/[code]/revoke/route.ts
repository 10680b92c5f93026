import { NextResponse } from "next/server";
import { route } from "@/app/_http/route";
import { revokeCertificate } from "@/lib/certificates/certificates";
import { certificateParams, revokeCertificateSchema } from "@/lib/validation/certificates";

/** Admins: { reason } revokes the certificate; its page and API say so, with the date and the reason. */
export const POST = route(
  { access: ["ADMIN"], params: certificateParams, body: revokeCertificateSchema },
  async ({ viewer, params, body }) => NextResponse.json({ certificate: await revokeCertificate(viewer, params.code, body.reason) }),
);
