import { returnPathSchema } from "@/lib/validation/auth";

/** The page to return to after signing in, if the query gave one that stays inside this app. */
export function readCallbackUrl(value: string | string[] | undefined): string | null {
  if (typeof value !== "string" || value === "") return null;
  const path = returnPathSchema.parse(value);
  return path === "/" && value !== "/" ? null : path;
}

/** `path` with the callbackUrl kept in its query, so that sign-up and onboarding can return to where the user was. */
export function withCallbackUrl(path: string, callbackUrl: string | null): string {
  return callbackUrl ? `${path}?callbackUrl=${encodeURIComponent(callbackUrl)}` : path;
}
