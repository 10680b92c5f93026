import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { withCallbackUrl } from "@/components/auth/callback-url";
import { readCallbackUrl } from "@/lib/auth/return-path";
import { MagicLinkForm } from "@/components/auth/magic-link-form";
import { SignInForm } from "@/components/auth/sign-in-form";
import { buttonStyles } from "@/components/ui/button-styles";
import { pageViewer } from "@/app/_http/page-viewer";

export const metadata: Metadata = { title: "Sign in" };

/** Auth.js sends its errors here (authPages.error) as ?error=Code. */
const authErrors: Record<string, string> = {
  Verification: "That sign-in link has expired or was already used. Ask for a new one below.",
  AccessDenied: "This account cannot sign in.",
};
const OTHER_AUTH_ERROR = "We could not sign you in. Please try again.";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function SignInPage({ searchParams }: Props) {
  const params = await searchParams;
  const callbackUrl = readCallbackUrl(params.callbackUrl);
  if (await pageViewer()) redirect(callbackUrl ?? "/dashboard");
  const errorCode = typeof params.error === "string" ? params.error : null;
  const authError = errorCode ? (authErrors[errorCode] ?? OTHER_AUTH_ERROR) : null;

  return (
    <>
      <h1 className="text-3xl font-bold tracking-tight">Sign in</h1>
      {authError && (
        <p
          role="alert"
          className="rounded-lg border border-red-700 bg-red-50 p-3 text-sm text-red-800 dark:border-red-400 dark:bg-red-950 dark:text-red-200"
        >
          {authError}
        </p>
      )}
      <section className="flex flex-col gap-4">
        <h2 id="password-sign-in" className="text-lg font-semibold">
          With your password
        </h2>
        <SignInForm callbackUrl={callbackUrl} headingId="password-sign-in" />
        <Link href="/forgot-password" className={`${buttonStyles.link} self-start text-sm`}>
          Forgot your password?
        </Link>
      </section>
      <section className="flex flex-col gap-4 border-t border-slate-200 pt-6 dark:border-slate-800">
        <h2 id="magic-link-sign-in" className="text-lg font-semibold">
          Or get a sign-in link by email
        </h2>
        <p className="text-sm text-slate-600 dark:text-slate-300">No password needed: the link works once, for 15 minutes.</p>
        <MagicLinkForm callbackUrl={callbackUrl ?? "/dashboard"} headingId="magic-link-sign-in" />
      </section>
      <p className="border-t border-slate-200 pt-6 dark:border-slate-800">
        New to BudhHub?{" "}
        <Link href={withCallbackUrl("/signup", callbackUrl)} className={buttonStyles.link}>
          Create an account
        </Link>
      </p>
    </>
  );
}
