import type { Mail } from "./mailer";

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

type Action = { label: string; link: string };

/** One layout for every message: a title, paragraphs, buttons, and the links spelled out for mail clients without them. */
function layout(title: string, paragraphs: string[], actions: Action[], outro: string) {
  const buttons = actions
    .map(
      (a) =>
        `<p><a href="${escape(a.link)}" style="display:inline-block;background:#4338ca;color:#fff;padding:10px 16px;border-radius:8px;text-decoration:none">${escape(a.label)}</a></p>`,
    )
    .join("\n");
  const spelled = actions.map((a) => `<p style="color:#475569;font-size:12px">${escape(a.label)}: ${escape(a.link)}</p>`).join("\n");
  const html = `<!doctype html><html><body style="font-family:system-ui,sans-serif;color:#0f172a;max-width:520px;margin:auto;padding:24px">
<h1 style="font-size:20px">${escape(title)}</h1>
${paragraphs.map((p) => `<p>${escape(p)}</p>`).join("\n")}
${buttons}
<p style="color:#475569;font-size:14px">${escape(outro)}</p>
${actions.length > 0 ? `<p style="color:#475569;font-size:12px">If a button does not work, open its link:</p>\n${spelled}` : ""}
</body></html>`;
  const text = [title, ...paragraphs, ...actions.map((a) => `${a.label}: ${a.link}`), outro].join("\n\n") + "\n";
  return { html, text };
}

export function magicLinkMail(to: string, link: string): Mail {
  return {
    to,
    subject: "Your BudhHub sign-in link",
    ...layout(
      "Sign in to BudhHub",
      ["Use the button below to sign in. The link works once and expires in 15 minutes."],
      [{ label: "Sign in", link }],
      "If you did not ask for this, you can ignore this message.",
    ),
  };
}

export function passwordResetMail(to: string, link: string): Mail {
  return {
    to,
    subject: "Reset your BudhHub password",
    ...layout(
      "Reset your password",
      ["Someone (hopefully you) asked to reset the password of your BudhHub account. The link works once and expires in 1 hour."],
      [{ label: "Choose a new password", link }],
      "If you did not ask for this, ignore this message: your password stays as it is.",
    ),
  };
}

export function verifyEmailMail(to: string, link: string): Mail {
  return {
    to,
    subject: "Confirm your BudhHub address",
    ...layout(
      "Confirm your e-mail address",
      [
        "Welcome to BudhHub. Confirm that this address is yours to finish creating your account. The link works once and expires in 24 hours.",
      ],
      [{ label: "Confirm my address", link }],
      "If you did not create a BudhHub account, ignore this message and nothing will happen.",
    ),
  };
}

/** To the owner of an address someone tried to sign up with again: sign-up answers the same either way. */
export function signUpAttemptMail(to: string, links: { signIn: string; reset: string }): Mail {
  return {
    to,
    subject: "Someone tried to create a BudhHub account with your address",
    ...layout(
      "You already have an account",
      [
        "Someone (hopefully you) tried to create a BudhHub account with this address, which already has one. No new account was made and nothing changed.",
        "To get in, sign in, or choose a new password if you have forgotten it.",
      ],
      [
        { label: "Sign in", link: links.signIn },
        { label: "Reset my password", link: links.reset },
      ],
      "If it was not you, you can ignore this message.",
    ),
  };
}

export function emailChangeMail(to: string, link: string): Mail {
  return {
    to,
    subject: "Confirm your new BudhHub address",
    ...layout(
      "Confirm your new address",
      ["Someone (hopefully you) asked to use this address for their BudhHub account. The link works once and expires in 24 hours."],
      [{ label: "Use this address", link }],
      "If you did not ask for this, ignore this message: nothing changes.",
    ),
  };
}

/** To an address someone asked to move their account to, when it already has an account of its own. */
export function emailTakenMail(to: string, signIn: string): Mail {
  return {
    to,
    subject: "Someone asked to use your address on BudhHub",
    ...layout(
      "This address already has an account",
      ["Someone asked to change their BudhHub account's address to this one, but this address already has an account, so nothing changed."],
      [{ label: "Sign in", link: signIn }],
      "If that was you, sign in with this address instead. Otherwise you can ignore this message.",
    ),
  };
}

/** To the old address after a change, so that a stolen session cannot move an account away unnoticed. */
export function emailChangedMail(to: string, newAddress: string, reset: string): Mail {
  return {
    to,
    subject: "Your BudhHub address was changed",
    ...layout(
      "Your address was changed",
      [`The e-mail address of your BudhHub account is now ${newAddress}. Mail about your account goes there from now on.`],
      [{ label: "Reset my password", link: reset }],
      "If you did not do this, reset your password at once and tell your administrator.",
    ),
  };
}

const roleNames = { LEARNER: "a learner", INSTRUCTOR: "an instructor", ADMIN: "an admin" } as const;

/** An invitation to make an account: who invites, as what, into which courses; the link works once, for 7 days. */
export function invitationMail(
  to: string,
  link: string,
  facts: { inviter: string; role: keyof typeof roleNames; courseTitles: string[] },
): Mail {
  const into = facts.courseTitles.length > 0 ? ` You will be enrolled in: ${facts.courseTitles.join(", ")}.` : "";
  return {
    to,
    subject: "You are invited to BudhHub",
    ...layout(
      "You are invited to BudhHub",
      [
        `${facts.inviter} invited you to join BudhHub as ${roleNames[facts.role]}.${into}`,
        "Choose your name and a password to make your account. The link works once and expires in 7 days.",
      ],
      [{ label: "Accept the invitation", link }],
      "If you did not expect this, ignore this message and no account will be made.",
    ),
  };
}
