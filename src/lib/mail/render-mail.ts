import "server-only";
import { env } from "@/env";
import { NOTIFICATION_KINDS, type NotificationKind } from "@/lib/notifications/kinds";
import { renderMjml, type MailContext } from "./layout";
import type { OutgoingMail } from "./outgoing";
import { mailTemplates } from "./templates";
import { unsubscribeToken } from "./unsubscribe-token";

export type RenderedMail = { to: string; subject: string; html: string; text: string; headers?: Record<string, string> };

const appLink = (path: string) => new URL(path, env.appUrl).toString();

/** Where a mail's unsubscribe links go: the one-click POST (List-Unsubscribe) and the page with a button (the footer). */
export function unsubscribeLinks(userId: string, kind: NotificationKind) {
  const token = encodeURIComponent(unsubscribeToken(userId, kind));
  return { oneClick: appLink(`/api/notifications/unsubscribe?token=${token}`), page: appLink(`/unsubscribe?token=${token}`) };
}

/** The subject, HTML and text of a queued mail, with the platform's name, and the unsubscribe header and footer when it has one. */
export async function renderMail(mail: OutgoingMail): Promise<RenderedMail> {
  const links = mail.unsubscribe ? unsubscribeLinks(mail.unsubscribe.userId, mail.unsubscribe.kind) : undefined;
  const context: MailContext = {
    platform: env.PLATFORM_NAME,
    ...(mail.unsubscribe && links ? { unsubscribe: { what: NOTIFICATION_KINDS[mail.unsubscribe.kind].label, link: links.page } } : {}),
  };
  // The union of templates narrows by `mail.template`, which TypeScript cannot follow through the lookup.
  const template = mailTemplates[mail.template] as (props: unknown, context: MailContext) => { subject: string; mjml: string };
  const { subject, mjml } = template(mail.props, context);
  return {
    to: mail.to,
    subject,
    ...(await renderMjml(mjml)),
    ...(links ? { headers: { "List-Unsubscribe": `<${links.oneClick}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" } } : {}),
  };
}
