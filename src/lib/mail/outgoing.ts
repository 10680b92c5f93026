import "server-only";
import type { Transaction } from "@/lib/db/client";
import { enqueue } from "@/lib/jobs/queue";
import type { NotificationKind } from "@/lib/notifications/kinds";

// Placeholder of the mail module's interface (the mail-through-the-queue branch replaces this file).
export type OutgoingMail =
  | {
      to: string;
      template: "notice";
      props: { title: string; paragraphs: string[]; action: { label: string; link: string } };
      unsubscribe?: { userId: string; kind: NotificationKind };
    }
  | {
      to: string;
      template: "digest";
      props: {
        title: string;
        intro: string;
        items: { title: string; body?: string | null; link: string }[];
        action: { label: string; link: string };
      };
      unsubscribe?: { userId: string; kind: NotificationKind };
    };

export async function queueMails(items: { mail: OutgoingMail; key: string }[], { tx }: { tx?: Transaction } = {}): Promise<void> {
  for (const item of items) await enqueue("mail-send", { key: item.key, mail: item.mail }, { tx });
}
