import type { Mail } from "./mailer";

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function layout(title: string, intro: string, action: string, link: string, outro: string) {
  const html = `<!doctype html><html><body style="font-family:system-ui,sans-serif;color:#0f172a;max-width:520px;margin:auto;padding:24px">
<h1 style="font-size:20px">${escape(title)}</h1>
<p>${escape(intro)}</p>
<p><a href="${escape(link)}" style="display:inline-block;background:#4338ca;color:#fff;padding:10px 16px;border-radius:8px;text-decoration:none">${escape(action)}</a></p>
<p style="color:#475569;font-size:14px">${escape(outro)}</p>
<p style="color:#475569;font-size:12px">If the button does not work, open this link: ${escape(link)}</p>
</body></html>`;
  const text = `${title}\n\n${intro}\n\n${action}: ${link}\n\n${outro}\n`;
  return { html, text };
}

export function magicLinkMail(to: string, link: string): Mail {
  return {
    to,
    subject: "Your BudhHub sign-in link",
    link,
    ...layout(
      "Sign in to BudhHub",
      "Use the button below to sign in. The link works once and expires in 15 minutes.",
      "Sign in",
      link,
      "If you did not ask for this, you can ignore this message.",
    ),
  };
}

export function passwordResetMail(to: string, link: string): Mail {
  return {
    to,
    subject: "Reset your BudhHub password",
    link,
    ...layout(
      "Reset your password",
      "Someone (hopefully you) asked to reset the password of your BudhHub account. The link works once and expires in 1 hour.",
      "Choose a new password",
      link,
      "If you did not ask for this, ignore this message: your password stays as it is.",
    ),
  };
}
