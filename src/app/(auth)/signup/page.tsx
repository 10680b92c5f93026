import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { withCallbackUrl } from "@/components/auth/callback-url";
import { readCallbackUrl } from "@/lib/auth/return-path";
import { SignUpForm } from "@/components/auth/sign-up-form";
import { buttonStyles } from "@/components/ui/button-styles";
import { pageViewer } from "@/app/_http/page-viewer";
import { getSettings } from "@/lib/settings/settings";
import { INVITATION_ONLY_MESSAGE } from "@/lib/settings/signup-policy";

export const metadata: Metadata = { title: "Create an account" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function SignUpPage({ searchParams }: Props) {
  const callbackUrl = readCallbackUrl((await searchParams).callbackUrl);
  if (await pageViewer()) redirect(callbackUrl ?? "/dashboard");
  const { signupPolicy, signupDomains } = await getSettings();

  return (
    <>
      <div className="flex flex-col gap-2">
        <h1 className="text-3xl font-bold tracking-tight">Create an account</h1>
        {signupPolicy === "invitation" ? (
          <p className="text-slate-700 dark:text-slate-300">{INVITATION_ONLY_MESSAGE}</p>
        ) : (
          <p className="text-slate-600 dark:text-slate-300">Next you choose whether you are here to learn or to teach.</p>
        )}
        {signupPolicy === "domains" && (
          <p className="text-slate-700 dark:text-slate-300">{`Sign-up is open to addresses at ${signupDomains.join(", ")} only.`}</p>
        )}
      </div>
      {signupPolicy !== "invitation" && <SignUpForm callbackUrl={callbackUrl} />}
      <p className="border-t border-slate-200 pt-6 dark:border-slate-800">
        Already have an account?{" "}
        <Link href={withCallbackUrl("/signin", callbackUrl)} className={buttonStyles.link}>
          Sign in
        </Link>
      </p>
    </>
  );
}
