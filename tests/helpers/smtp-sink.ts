import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { readMail, type MailText } from "./mail-text";

/** A message as the sink received it, with the addresses of its envelope. */
export type SinkMail = MailText & { envelopeTo: string[] };

export type SmtpSink = {
  url: string;
  messages: SinkMail[];
  waitFor: (to: string, options?: { seen?: number; timeoutMs?: number }) => Promise<SinkMail>;
  close: () => Promise<void>;
};

/**
 * An SMTP server on loopback that keeps every message it receives. STARTTLS is off: smtp-server's built-in
 * certificate has expired, and a client that sees STARTTLS offered would try it. A port may be given, to start a sink
 * again where a stopped one was.
 */
export async function startSmtpSink({ port: wanted = 0 }: { port?: number } = {}): Promise<SmtpSink> {
  const messages: SmtpSink["messages"] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        const envelopeTo = session.envelope.rcptTo.map((r) => r.address.toLowerCase());
        messages.push({ ...readMail(Buffer.concat(chunks).toString("utf8")), envelopeTo });
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(wanted, "127.0.0.1", () => resolve());
  });
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    async waitFor(to, { seen = 0, timeoutMs = 15_000 } = {}) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const mine = messages.filter((m) => m.envelopeTo.includes(to.toLowerCase()));
        if (mine.length > seen) return mine[seen]!;
        if (Date.now() > deadline) throw new Error(`The SMTP sink got no mail number ${seen + 1} to ${to} in ${timeoutMs} ms`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
