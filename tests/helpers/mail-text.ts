/**
 * The readable text of a raw RFC 822 message as nodemailer writes it (the outbox .eml files, or what an SMTP server
 * receives): headers unfolded, multipart bodies split, quoted-printable and base64 parts decoded.
 */

function splitHead(raw: string): { headers: Map<string, string>; body: string } {
  const at = raw.search(/\r?\n\r?\n/);
  const head = at === -1 ? raw : raw.slice(0, at);
  const body = at === -1 ? "" : raw.slice(at).replace(/^\r?\n\r?\n/, "");
  const headers = new Map<string, string>();
  for (const line of head.replace(/\r?\n[ \t]+/g, " ").split(/\r?\n/)) {
    const colon = line.indexOf(":");
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return { headers, body };
}

export function decodeQuotedPrintable(input: string): string {
  const joined = input.replace(/=\r?\n/g, "");
  const bytes: number[] = [];
  for (let i = 0; i < joined.length; i++) {
    const hex = joined[i] === "=" ? joined.slice(i + 1, i + 3) : "";
    if (/^[0-9A-F]{2}$/i.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(joined[i]!, "utf8"));
    }
  }
  return Buffer.from(bytes).toString("utf8");
}

function decodePart(headers: Map<string, string>, body: string): string {
  const encoding = (headers.get("content-transfer-encoding") ?? "").toLowerCase();
  if (encoding === "quoted-printable") return decodeQuotedPrintable(body);
  if (encoding === "base64") return Buffer.from(body.replace(/\s+/g, ""), "base64").toString("utf8");
  return body;
}

/** The message's headers are there too, by lower-case name. */
export type MailText = { to: string; subject: string; text: string; html: string; headers: Map<string, string> };

export function readMail(raw: string): MailText {
  const { headers, body } = splitHead(raw);
  const result: MailText = { to: headers.get("to") ?? "", subject: headers.get("subject") ?? "", text: "", html: "", headers };
  const parts: { headers: Map<string, string>; body: string }[] = [];
  const boundary = /boundary="?([^";]+)"?/i.exec(headers.get("content-type") ?? "")?.[1];
  if (boundary) {
    for (const chunk of body.split(`--${boundary}`).slice(1)) {
      if (chunk.startsWith("--")) break;
      parts.push(splitHead(chunk.replace(/^\r?\n/, "")));
    }
  } else {
    parts.push({ headers, body });
  }
  for (const part of parts) {
    const type = (part.headers.get("content-type") ?? "text/plain").toLowerCase();
    if (type.startsWith("text/plain")) result.text += decodePart(part.headers, part.body);
    else if (type.startsWith("text/html")) result.html += decodePart(part.headers, part.body);
  }
  return result;
}

/** The first link in the mail's text part that contains `contains`. */
export function linkIn(mail: MailText, contains: string): string {
  const link = mail.text.match(/https?:\/\/\S+/g)?.find((url) => url.includes(contains));
  if (!link) throw new Error(`No link with "${contains}" in the mail "${mail.subject}" to ${mail.to}:\n${mail.text}`);
  return link;
}
