import { z } from "zod";
import { SIGNUP_POLICIES } from "@/lib/db/schema";

/** At most this many domains in the "domains" sign-up policy. */
export const MAX_SIGNUP_DOMAINS = 100;

const DOMAIN = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

/** A domain as an admin types it ("School.Example", "@school.example"): trimmed, lower-cased, without a leading "@". */
export const signupDomainSchema = z
  .string({ error: "A domain is text, such as school.example." })
  .trim()
  .toLowerCase()
  .transform((d) => d.replace(/^@/, ""))
  .refine((d) => DOMAIN.test(d), { error: (issue) => `"${String(issue.input).slice(0, 80)}" is not a domain such as school.example.` });

/** PATCH /api/admin/settings: the sign-up policy, the domains, or both (duplicates dropped). */
export const settingsUpdateSchema = z
  .strictObject({
    signupPolicy: z.enum(SIGNUP_POLICIES, { error: 'The sign-up policy is "open", "domains" or "invitation".' }).optional(),
    signupDomains: z
      .array(signupDomainSchema, { error: "signupDomains is a list of domains." })
      .max(MAX_SIGNUP_DOMAINS, `List at most ${MAX_SIGNUP_DOMAINS} domains.`)
      .transform((list) => [...new Set(list)])
      .optional(),
  })
  .refine((v) => v.signupPolicy !== undefined || v.signupDomains !== undefined, { error: "Send signupPolicy, signupDomains, or both." })
  .refine((v) => !(v.signupPolicy === "domains" && v.signupDomains?.length === 0), {
    error: "List at least one domain, such as school.example.",
    path: ["signupDomains"],
  });
export type SettingsUpdate = z.infer<typeof settingsUpdateSchema>;
