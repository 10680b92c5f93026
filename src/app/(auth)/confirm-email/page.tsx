import type { Metadata } from "next";
import Link from "next/link";
import { ConfirmLinkForm } from "@/components/auth/confirm-link-form";
import { buttonStyles } from "@/components/ui/button-styles";
import { emailTokenSchema } from "@/lib/validation/auth";

export const metadata: Metadata = { title: "Confirm your new address" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** Opened from the address-change mail sent to the new address: one button moves the account to it. */
export default async function ConfirmEmailPage({ searchParams }: Props) {
  const parsed = emailTokenSchema.safeParse({ token: (await searchParams).token });
  return (
    <>
      <h1 className="text-3xl font-bold tracking-tight">Confirm your new address</h1>
      {parsed.success ? (
        <>
          <p>Press the button to use this e-mail address for your BudhHub account from now on.</p>
          <ConfirmLinkForm
            endpoint="/api/profile/email/confirm"
            token={parsed.data.token}
            label="Use this address"
            pendingLabel="Changing…"
            done="Done: your account's address is now"
          />
        </>
      ) : (
        <p role="alert">This link is not complete. Open it again from the mail.</p>
      )}
      <Link href="/profile" className={buttonStyles.link}>
        Go to your profile
      </Link>
    </>
  );
}
