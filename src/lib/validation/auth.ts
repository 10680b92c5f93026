import { z } from "zod";
import { oneLine } from "./text";

/** Shared by the forms (react-hook-form resolver) and the route handlers. */

export const emailSchema = z
  .string({ error: "Enter your e-mail address." })
  .refine(...oneLine("The e-mail address"))
  .trim()
  .toLowerCase()
  .max(254, "That e-mail address is too long.")
  .pipe(z.email({ error: "Enter a valid e-mail address." }));

export const PASSWORD_MIN_LENGTH = 10;

/** The token of a mailed link: 32 random bytes in base64url (43 characters); anything else is not one of ours. */
export const linkToken = (invalid: string) =>
  z.string({ error: invalid }).trim().regex(/^[A-Za-z0-9_-]{20,200}$/, invalid);

export const newPasswordSchema = z
  .string({ error: "Choose a password." })
  .refine(...oneLine("A password"))
  .min(PASSWORD_MIN_LENGTH, `Use at least ${PASSWORD_MIN_LENGTH} characters.`)
  .max(128, "Use at most 128 characters.");

export const nameSchema = z
  .string({ error: "Enter your name." })
  .refine(...oneLine("Your name"))
  .trim()
  .min(1, "Enter your name.")
  .max(120, "Use at most 120 characters.");

export const signUpSchema = z.object({ name: nameSchema, email: emailSchema, password: newPasswordSchema });
export type SignUpInput = z.infer<typeof signUpSchema>;

export const signInSchema = z.object({
  email: emailSchema,
  password: z.string({ error: "Enter your password." }).refine(...oneLine("A password")).min(1, "Enter your password.").max(128),
});
export type SignInInput = z.infer<typeof signInSchema>;

export const emailOnlySchema = z.object({ email: emailSchema });
export type EmailOnlyInput = z.infer<typeof emailOnlySchema>;

/** Where to go after signing in: checked on the server against APP_URL (src/lib/auth/return-path.ts). */
export const magicLinkSchema = z.object({ email: emailSchema, callbackUrl: z.string().max(2048).optional() });

export const resetPasswordSchema = z.object({
  token: linkToken("This reset link is not valid."),
  password: newPasswordSchema,
});
export type ResetPasswordInput = z.infer<typeof resetPasswordSchema>;

export const selectableRoleSchema = z.enum(["LEARNER", "INSTRUCTOR"], { error: "Choose learner or instructor." });

export const onboardingSchema = z.object({ name: nameSchema, role: selectableRoleSchema });
export type OnboardingInput = z.infer<typeof onboardingSchema>;

export const profileSchema = z.object({ name: nameSchema });
export type ProfileInput = z.infer<typeof profileSchema>;

export const changePasswordSchema = z.object({
  currentPassword: z.string().refine(...oneLine("A password")).max(128).optional(),
  newPassword: newPasswordSchema,
});
export type ChangePasswordInput = z.infer<typeof changePasswordSchema>;
