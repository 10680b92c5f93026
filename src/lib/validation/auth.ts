import { z } from "zod";
import { multiLine, oneLine } from "./text";

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
  z
    .string({ error: invalid })
    .trim()
    .regex(/^[A-Za-z0-9_-]{20,200}$/, invalid);

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

/** Where to go after signing in or confirming: a path checked on the server against APP_URL (src/lib/auth/return-path.ts). */
const callbackUrlSchema = z
  .string()
  .refine(...oneLine("The return address"))
  .max(2048)
  .optional();

export const signUpSchema = z.object({ name: nameSchema, email: emailSchema, password: newPasswordSchema, callbackUrl: callbackUrlSchema });
export type SignUpInput = z.infer<typeof signUpSchema>;

export const signInSchema = z.object({
  email: emailSchema,
  password: z
    .string({ error: "Enter your password." })
    .refine(...oneLine("A password"))
    .min(1, "Enter your password.")
    .max(128),
});
export type SignInInput = z.infer<typeof signInSchema>;

export const emailOnlySchema = z.object({ email: emailSchema });
export type EmailOnlyInput = z.infer<typeof emailOnlySchema>;

export const magicLinkSchema = z.object({ email: emailSchema, callbackUrl: callbackUrlSchema });

/** The token of a verification or address-change link, sent back by the page the link opens. */
export const emailTokenSchema = z.object({ token: linkToken("This link is not valid."), callbackUrl: callbackUrlSchema });
export type EmailTokenInput = z.infer<typeof emailTokenSchema>;

export const changeEmailSchema = z.object({
  email: emailSchema,
  currentPassword: z
    .string()
    .refine(...oneLine("A password"))
    .max(128)
    .optional(),
});
export type ChangeEmailInput = z.infer<typeof changeEmailSchema>;

export const resetPasswordSchema = z.object({
  token: linkToken("This reset link is not valid."),
  password: newPasswordSchema,
});
export type ResetPasswordInput = z.infer<typeof resetPasswordSchema>;

export const selectableRoleSchema = z.enum(["LEARNER", "INSTRUCTOR"], { error: "Choose to learn or to teach." });

/** How a site gives the instructor role (INSTRUCTOR_SIGNUP in src/env.ts). */
export type TeachingMode = "request" | "open" | "closed";

/** Why someone wants to teach, shown to the admins who decide. */
export const teachingMessageSchema = z
  .string()
  .refine(...multiLine("The message"))
  .trim()
  .max(1000, "The message: use at most 1,000 characters.")
  .optional();

export const onboardingSchema = z.object({ name: nameSchema, role: selectableRoleSchema, message: teachingMessageSchema });
export type OnboardingInput = z.infer<typeof onboardingSchema>;

export const instructorRequestSchema = z.object({ message: teachingMessageSchema });
export type InstructorRequestInput = z.infer<typeof instructorRequestSchema>;

export const instructorRequestDecisionSchema = z.object({
  decision: z.enum(["approve", "decline"], { error: "Decide approve or decline." }),
});

export const instructorRequestSeenSchema = z.object({ seen: z.literal(true, { error: "Send seen: true." }) });

export const instructorRequestListSchema = z.object({
  status: z.enum(["pending", "approved", "declined"], { error: "Status is pending, approved or declined." }).default("pending"),
});

export const BIO_MAX_LENGTH = 1000;

/** A few lines about the user, shown with their name on the courses they teach; empty means none (null), absent unchanged. */
const bioSchema = z
  .string({ error: "Write your bio as text." })
  .refine(...multiLine("Your bio"))
  .trim()
  .max(BIO_MAX_LENGTH, `Keep your bio under ${BIO_MAX_LENGTH.toLocaleString("en")} characters.`)
  .transform((v) => v.replace(/\r\n?/g, "\n") || null)
  .nullable()
  .optional();

export const profileSchema = z.object({ name: nameSchema, bio: bioSchema });
export type ProfileInput = z.infer<typeof profileSchema>;

export const changePasswordSchema = z.object({
  currentPassword: z
    .string()
    .refine(...oneLine("A password"))
    .max(128)
    .optional(),
  newPassword: newPasswordSchema,
});
export type ChangePasswordInput = z.infer<typeof changePasswordSchema>;
