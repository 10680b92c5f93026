import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { readCallbackUrl } from "@/lib/auth/return-path";
import { OnboardingForm } from "@/components/auth/onboarding-form";
import { teachingMode } from "@/lib/users/instructor-requests";
import { requirePageUser } from "@/app/_http/page-viewer";

export const metadata: Metadata = { title: "Welcome" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function OnboardingPage({ searchParams }: Props) {
  const callbackUrl = readCallbackUrl((await searchParams).callbackUrl);
  const viewer = await requirePageUser("/onboarding", { allowNotOnboarded: true });
  if (viewer.onboarded) redirect("/dashboard");

  return (
    <div className="mx-auto flex w-full max-w-md flex-col gap-6">
      <div className="flex flex-col gap-2">
        <h1 className="text-3xl font-bold tracking-tight">Welcome to BudhHub</h1>
        <p className="text-slate-600 dark:text-slate-300">Tell us your name and what brings you here.</p>
      </div>
      <OnboardingForm name={viewer.name ?? ""} callbackUrl={callbackUrl} mode={teachingMode()} />
    </div>
  );
}
