import type { Metadata } from "next";
import Link from "next/link";
import { MailCheck } from "lucide-react";
import { buttonStyles } from "@/components/ui/button-styles";
import { emailSchema } from "@/lib/validation/auth";

export const metadata: Metadata = { title: "Check your email" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/**
 * Where the magic-link form and sign-up go, and Auth.js's verifyRequest page. After sign-up it reads the same for a
 * new address and one that already has an account: the mail itself says which.
 */
export default async function CheckEmailPage({ searchParams }: Props) {
  const params = await searchParams;
  const parsed = emailSchema.safeParse(params.email);
  const email = parsed.success ? parsed.data : null;
  const signUp = params.for === "signup";
  const address = email ? <strong className="break-all">{email}</strong> : "that address";

  return (
    <>
      <div className="flex items-center gap-3">
        <MailCheck aria-hidden="true" className="h-8 w-8 shrink-0 text-indigo-700 dark:text-indigo-300" />
        <h1 className="text-3xl font-bold tracking-tight">Check your email</h1>
      </div>
      {signUp ? (
        <>
          <p>We have sent a message to {address}.</p>
          <p>
            If the address is new to BudhHub, the message has a link that confirms it and signs you in; it works once, for 24 hours. If the
            address already has an account, the message says how to sign in instead.
          </p>
        </>
      ) : (
        <p>
          {email ? (
            <>If {address} can sign in, we have sent it a sign-in link.</>
          ) : (
            "If that address can sign in, we have sent it a sign-in link."
          )}{" "}
          The link works once, for 15 minutes.
        </p>
      )}
      <p className="text-slate-600 dark:text-slate-300">Nothing there? Look in your spam folder, or ask for a new link.</p>
      <Link href="/signin" className={buttonStyles.link}>
        Back to sign in
      </Link>
    </>
  );
}
