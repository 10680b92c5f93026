import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { withReturnTo } from "@/lib/auth/guard";
import { readCallbackUrl } from "@/lib/auth/return-path";
import { OnboardingForm } from "@/components/auth/onboarding-form";
import { teachingMode } from "@/lib/users/instructor-requests";
import { requirePageUser } from "@/app/_http/page-viewer";

export const metadata: Metadata = { title: "Welcome" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/**
 * Where to go once onboarded: the callbackUrl, a path on this site. One that is onboarding itself (a visitor sent to
 * sign in from here comes back with it) is unwrapped to the place it carries.
 */
function destinationOf(value: string | string[] | undefined, depth = 0): string | null {
  const path = readCallbackUrl(value);
  if (!path?.startsWith("/onboarding")) return path;
  const inner = new URL(path, "http://localhost").searchParams.get("callbackUrl") ?? undefined;
  return depth < 3 ? destinationOf(inner, depth + 1) : null;
}

/** Once, after the first sign-in; then on to where the user was going: the course they came for, the lesson they opened. */
export default async function OnboardingPage({ searchParams }: Props) {
  const callbackUrl = destinationOf((await searchParams).callbackUrl);
  const viewer = await requirePageUser(callbackUrl ? withReturnTo("/onboarding", callbackUrl) : "/onboarding", { allowNotOnboarded: true });
  if (viewer.onboarded) redirect(callbackUrl ?? "/dashboard");

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
