/** `path` with the callbackUrl kept in its query, so that sign-up and onboarding can return to where the user was. */
export function withCallbackUrl(path: string, callbackUrl: string | null): string {
  return callbackUrl ? `${path}?callbackUrl=${encodeURIComponent(callbackUrl)}` : path;
}
