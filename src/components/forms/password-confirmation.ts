import { z } from "zod";

export const PASSWORDS_DIFFER = "The two passwords are not the same.";

/**
 * The server's schema plus a "type it again" field, checked in the browser only (the server never sees it).
 * `field` names the new password in the schema.
 */
export function withPasswordConfirmation<Shape extends z.ZodRawShape>(schema: z.ZodObject<Shape>, field: keyof Shape & string) {
  return schema.extend({ confirmPassword: z.string() }).refine(
    (values) => {
      const record = values as Record<string, unknown>;
      return record[field] === record.confirmPassword;
    },
    {
      path: ["confirmPassword"],
      message: PASSWORDS_DIFFER,
    },
  );
}
