"use server";

import { signOut } from "./auth";

/** The header's sign-out button: Auth.js clears the session cookie, then home. */
export async function signOutAction() {
  await signOut({ redirectTo: "/" });
}
