import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { UnsubscribeButton } from "@/components/mail/unsubscribe-button";
import { buttonStyles } from "@/components/ui/button-styles";
import { AppError } from "@/lib/http/errors";
import { readUnsubscribe } from "@/lib/mail/unsubscribe";
import { kindUses } from "@/lib/notifications/kinds";
import { unsubscribeQuerySchema } from "@/lib/validation/unsubscribe";

export const metadata: Metadata = { title: "Unsubscribe", robots: { index: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/**
 * Opened from a mail's footer: says which mail the link turns off and has one button that does it. Opening the page
 * changes nothing (mail scanners open links); no session is needed.
 */
export default async function UnsubscribePage({ searchParams }: Props) {
  await connection();
  const parsed = unsubscribeQuerySchema.safeParse({ token: (await searchParams).token });
  let what: string | null = null;
  let inApp = false;
  let problem = parsed.success ? null : parsed.error.issues[0]!.message;
  if (parsed.success) {
    try {
      const read = readUnsubscribe(parsed.data.token);
      what = read.label;
      inApp = kindUses(read.kind, "app");
    } catch (error) {
      if (!AppError.is(error)) throw error;
      problem = error.message;
    }
  }
  return (
    <>
      <h1 className="text-3xl font-bold tracking-tight">Unsubscribe</h1>
      {parsed.success && what ? (
        <>
          <p>
            This turns off the mails for “{what}”.{inApp ? " You still see these notifications in the app." : ""} Every other mail stays as
            it is.
          </p>
          <UnsubscribeButton token={parsed.data.token} what={what} />
        </>
      ) : (
        <p role="alert">{problem}</p>
      )}
      <Link href="/profile/notifications" className={buttonStyles.link}>
        Your notification settings
      </Link>
    </>
  );
}
