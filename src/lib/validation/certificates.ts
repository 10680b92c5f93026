import { z } from "zod";
import { oneLine, queryText } from "./text";

export const CERTIFICATES_PAGE_SIZE = 25;

/** A code as typed or linked: letters, digits, dashes; what it names is decided by the lookup (a plain 404 if nothing). */
export const certificateParams = z.object({
  code: z
    .string()
    .max(32, "Not a certificate code.")
    .regex(/^[A-Za-z0-9-]+$/, "Not a certificate code."),
});

/** GET /api/admin/certificates?q=&status=&page= */
export const certificateListQuerySchema = z.object({
  q: queryText("The search", 200).transform((v) => v ?? ""),
  status: z
    .union([z.enum(["valid", "revoked"], { error: "Choose valid or revoked." }), z.literal("")])
    .optional()
    .transform((v) => v || undefined),
  page: z.coerce.number().int("Page must be a whole number.").min(1, "Page starts at 1.").max(100_000).optional().default(1),
});
export type CertificateListQuery = z.infer<typeof certificateListQuerySchema>;

export const revokeCertificateSchema = z.object({
  reason: z
    .string({ error: "Say why the certificate is revoked." })
    .refine(...oneLine("The reason"))
    .trim()
    .min(3, "Say why the certificate is revoked.")
    .max(500, "The reason: use at most 500 characters."),
});
