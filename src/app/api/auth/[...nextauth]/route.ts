import { handlers } from "@/lib/auth/auth";

/** Auth.js: magic-link sign-in and its callback, sign-out, session and CSRF token (its own CSRF check applies). */
export const { GET, POST } = handlers;
