import type { Metadata } from "next";
import Link from "next/link";
import { ConfirmLinkForm } from "@/components/auth/confirm-link-form";
import { buttonStyles } from "@/components/ui/button-styles";
import { readCallbackUrl } from "@/lib/auth/return-path";
import { emailTokenSchema } from "@/lib/validation/auth";

export const metadata: Metadata = { title: "Confirm your address" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** Opened from the verification mail: one button confirms the address and signs the user in. */
export default async function VerifyEmailPage({ searchParams }: Props) {
  const params = await searchParams;
  const parsed = emailTokenSchema.safeParse({ token: params.token });
  return (
    <>
      <h1 className="text-3xl font-bold tracking-tight">Confirm your address</h1>
      {parsed.success ? (
        <>
          <p>Press the button to confirm that this e-mail address is yours. You will be signed in.</p>
          <ConfirmLinkForm
            endpoint="/api/auth/verify-email"
            token={parsed.data.token}
            callbackUrl={readCallbackUrl(params.callbackUrl)}
            label="Confirm my address"
            pendingLabel="Confirming…"
            done="Your address is confirmed."
          />
        </>
      ) : (
        <p role="alert">This link is not complete. Open it again from the mail, or sign in and ask for a new one.</p>
      )}
      <Link href="/signin" className={buttonStyles.link}>
        Go to sign in
      </Link>
    </>
  );
}
