import type { Metadata } from "next";
import Link from "next/link";
import { ResetPasswordForm } from "@/components/auth/reset-password-form";
import { buttonStyles } from "@/components/ui/button-styles";

export const metadata: Metadata = { title: "Choose a new password" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ResetPasswordPage({ searchParams }: Props) {
  const { token } = await searchParams;

  return (
    <>
      <h1 className="text-3xl font-bold tracking-tight">Choose a new password</h1>
      {typeof token === "string" && token.trim() !== "" ? (
        <>
          <p className="text-slate-600 dark:text-slate-300">Afterwards you sign in with it; other devices are signed out.</p>
          <ResetPasswordForm token={token} />
        </>
      ) : (
        <div className="flex flex-col gap-4">
          <p>
            This page needs the link from your password reset email, and this address has no reset code in it. Open the link from the email
            again, or ask for a new one.
          </p>
          <Link href="/forgot-password" className={`${buttonStyles.primary} self-start`}>
            Ask for a reset link
          </Link>
        </div>
      )}
    </>
  );
}
