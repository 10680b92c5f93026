import "server-only";
import { dictionary } from "@zxcvbn-ts/language-common";
import { AppError } from "@/lib/http/errors";

let common: Set<string> | undefined;

/** True for passwords on zxcvbn's list of about 49,000 common passwords (case-insensitive). */
export function isCommonPassword(password: string): boolean {
  common ??= new Set((dictionary["passwords-common"] as string[]).map((p) => p.toLowerCase()));
  return common.has(password.toLowerCase());
}

/** Length is checked by the shared zod schema; the common-password list lives on the server only (it is 400 KB). */
export function assertAcceptablePassword(password: string, field = "password") {
  if (isCommonPassword(password)) {
    throw new AppError("VALIDATION_FAILED", "Choose a less common password.", {
      fields: { [field]: "This password is on a list of common passwords. Choose another." },
    });
  }
}
