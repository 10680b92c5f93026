import { route } from "@/app/_http/route";
import { certificatePdf } from "@/lib/certificates/certificate-pdf";
import { clientIp } from "@/lib/http/request";
import { certificateParams } from "@/lib/validation/certificates";

/**
 * Anyone: the certificate as a one-page A4 PDF with a QR code to its verification page. A wrong code is a plain 404
 * (counted like the verification's), a revoked certificate a 410.
 */
export const GET = route({ access: "public", params: certificateParams }, async ({ request, params }) => {
  const { bytes, disposition } = await certificatePdf(params.code, clientIp(request));
  return new Response(new Uint8Array(bytes), {
    headers: {
      "content-type": "application/pdf",
      "content-length": String(bytes.length),
      "content-disposition": disposition,
      "cache-control": "private, max-age=300",
      "x-content-type-options": "nosniff",
    },
  });
});
