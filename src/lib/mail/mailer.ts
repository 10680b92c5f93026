import "server-only";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import nodemailer, { type Transporter } from "nodemailer";
import { env } from "@/env";
import { log } from "@/lib/log/logger";

export type Mail = {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** `<id@host>`: the same for every try of one message, so that a receiver can drop a duplicate too. */
  messageId?: string;
  headers?: Record<string, string>;
};

type Transport = { transporter: Transporter; outbox: boolean };

const globalForMail = globalThis as unknown as { __budhhubMailer?: Transport };

/** SMTP when SMTP_URL is set; otherwise the outbox: each message as an .eml file under DATA_DIR/mail. */
function transport(): Transport {
  globalForMail.__budhhubMailer ??= env.SMTP_URL
    ? { transporter: nodemailer.createTransport(env.SMTP_URL), outbox: false }
    : { transporter: nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "unix" }), outbox: true };
  return globalForMail.__budhhubMailer;
}

/** Tests send to an SMTP server of their own (smtpUrl), or back to the configured transport (undefined). */
export function setMailTransport(smtpUrl: string | undefined) {
  globalForMail.__budhhubMailer = smtpUrl ? { transporter: nodemailer.createTransport(smtpUrl), outbox: false } : undefined;
}

/** Hands one message to SMTP or the outbox. Only the mail worker calls it: everything else queues (./outgoing.ts). */
export async function sendMail(mail: Mail): Promise<void> {
  const logger = log("MAIL");
  const { transporter, outbox } = transport();
  const info = await transporter.sendMail({
    from: env.MAIL_FROM,
    to: mail.to,
    subject: mail.subject,
    text: mail.text,
    html: mail.html,
    ...(mail.messageId ? { messageId: mail.messageId } : {}),
    ...(mail.headers ? { headers: mail.headers } : {}),
  });
  if (!outbox) {
    logger.info({ to: mail.to, subject: mail.subject, messageId: info.messageId }, "mail sent");
    return;
  }
  fs.mkdirSync(env.mailDir, { recursive: true });
  const safeTo = mail.to.replace(/[^a-z0-9@._-]/gi, "_");
  // Sortable by time; the random part keeps two mails in the same millisecond apart.
  const file = path.join(env.mailDir, `${new Date().toISOString().replace(/[:.]/g, "-")}-${randomBytes(3).toString("hex")}-${safeTo}.eml`);
  // Written beside, then renamed: whoever reads the outbox never sees half a message.
  fs.writeFileSync(`${file}.part`, (info as unknown as { message: Buffer }).message);
  fs.renameSync(`${file}.part`, file);
  // The link is a secret (it signs in, verifies or resets): the log names the file that holds it, never the link.
  logger.info({ to: mail.to, subject: mail.subject, file }, "mail written to the outbox");
}
