import type { Metadata } from "next";
import Link from "next/link";
import { ForgotPasswordForm } from "@/components/auth/forgot-password-form";
import { buttonStyles } from "@/components/ui/button-styles";

export const metadata: Metadata = { title: "Forgot your password?" };

export default function ForgotPasswordPage() {
  return (
    <>
      <div className="flex flex-col gap-2">
        <h1 className="text-3xl font-bold tracking-tight">Forgot your password?</h1>
        <p className="text-slate-600 dark:text-slate-300">
          Enter the address you signed up with and we will email you a link to choose a new one.
        </p>
      </div>
      <ForgotPasswordForm />
      <p className="border-t border-slate-200 pt-6 dark:border-slate-800">
        Remembered it?{" "}
        <Link href="/signin" className={buttonStyles.link}>
          Sign in
        </Link>
      </p>
    </>
  );
}
