import { NextResponse } from "next/server";
import { route } from "@/app/_http/route";
import { listCertificates } from "@/lib/certificates/certificates";
import { certificateListQuerySchema } from "@/lib/validation/certificates";

/** Admins: every certificate, ?q= (learner, course or code), ?status=valid|revoked, 25 a page (?page=). */
export const GET = route({ access: ["ADMIN"], query: certificateListQuerySchema }, async ({ viewer, query }) =>
  NextResponse.json(await listCertificates(viewer, query)),
);
