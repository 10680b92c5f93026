import { env } from "@/env";

/** Settings shared by the Auth.js instance and our own session cookie (src/lib/auth/session-cookie.ts). */

export const SESSION_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;
export const MAGIC_LINK_MAX_AGE_SECONDS = 15 * 60;

/** Secure cookies (with the __Secure- prefix) whenever the app is served over HTTPS. */
export const useSecureCookies = env.appUrl.startsWith("https://");
export const sessionCookieName = `${useSecureCookies ? "__Secure-" : ""}authjs.session-token`;

export const authPages = {
  signIn: "/signin",
  verifyRequest: "/check-email",
  error: "/signin",
  newUser: "/onboarding",
} as const;

/** Pages only signed-in users may open, and the roles some of them need (checked again by every page and handler). */
export const guardedAreas: { prefix: string; roles?: ("ADMIN" | "INSTRUCTOR" | "LEARNER")[] }[] = [
  { prefix: "/admin", roles: ["ADMIN"] },
  { prefix: "/instructor", roles: ["INSTRUCTOR", "ADMIN"] },
  { prefix: "/dashboard" },
  { prefix: "/my-courses" },
  { prefix: "/my-certificates" },
  { prefix: "/notifications" },
  { prefix: "/onboarding" },
  { prefix: "/profile" },
];
