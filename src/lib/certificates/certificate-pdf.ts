import "server-only";
import type { Readable } from "node:stream";
import { env } from "@/env";
import { getStorage } from "@/lib/storage";
import { contentDisposition } from "@/lib/storage/driver";
import { storageKeys } from "@/lib/storage/keys";
import { certificateForPdf } from "./certificates";
import { renderCertificatePdf } from "./pdf";

async function bytesOf(body: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of body) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array));
  return Buffer.concat(chunks);
}

/**
 * A valid certificate's PDF (a wrong code is a plain 404, a revoked one a 410). Made on the first download and kept in
 * storage by its code: what it prints was copied at issue and never changes, so the kept file never goes stale. Two
 * first downloads at once both render and write the same bytes; the sweeper deletes it once the certificate is gone.
 */
export async function certificatePdf(code: string, ip: string): Promise<{ bytes: Buffer; disposition: string }> {
  const certificate = await certificateForPdf(code, ip);
  const key = storageKeys.certificatePdf(certificate.code);
  const storage = getStorage();
  const disposition = contentDisposition("attachment", `certificate-${certificate.code}.pdf`);
  if (await storage.head(key)) return { bytes: await bytesOf((await storage.read(key)).body), disposition };
  const bytes = Buffer.from(
    await renderCertificatePdf({
      code: certificate.displayCode,
      learnerName: certificate.learnerName,
      courseTitle: certificate.courseTitle,
      instructorName: certificate.instructorName,
      line: certificate.line,
      issuedAt: certificate.issuedAt,
      verifyUrl: new URL(`/certificates/${certificate.code}`, env.appUrl).toString(),
      platformName: "BudhHub",
    }),
  );
  await storage.put(key, bytes, { contentType: "application/pdf", size: bytes.length });
  return { bytes, disposition };
}
