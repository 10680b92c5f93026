import type { UseFormRegisterReturn } from "react-hook-form";
import { PASSWORD_MIN_LENGTH } from "@/lib/validation/auth";
import { Field } from "./field";

/** The password rules the server applies (src/lib/auth/password-policy.ts), said before the user types. */
export const PASSWORD_RULES = `At least ${PASSWORD_MIN_LENGTH} characters, and not a common password.`;

/** A new password and the same again, with the rules as the hint. */
export function NewPasswordFields({
  password,
  confirmation,
  errors,
}: {
  password: UseFormRegisterReturn;
  confirmation: UseFormRegisterReturn;
  errors: { password?: string; confirmation?: string };
}) {
  return (
    <>
      <Field label="New password" type="password" autoComplete="new-password" hint={PASSWORD_RULES} error={errors.password} {...password} />
      <Field label="New password again" type="password" autoComplete="new-password" error={errors.confirmation} {...confirmation} />
    </>
  );
}
