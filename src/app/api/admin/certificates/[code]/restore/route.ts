import { NextResponse } from "next/server";
import { route } from "@/app/_http/route";
import { restoreCertificate } from "@/lib/certificates/certificates";
import { certificateParams } from "@/lib/validation/certificates";

/** Admins: a revoked certificate is valid again, as issued. */
export const POST = route({ access: ["ADMIN"], params: certificateParams }, async ({ viewer, params }) =>
  NextResponse.json({ certificate: await restoreCertificate(viewer, params.code) }),
);
