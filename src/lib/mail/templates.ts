import "server-only";
import type { UserRole } from "@/lib/db/schema";
import { layout, type Action, type Item, type MailContext } from "./layout";

/**
 * One function per message: typed props in, the subject and the MJML out (./layout.ts holds the one layout; the worker
 * renders it to HTML and text). Every value is escaped by the layout. Props are what the job carries (sealed): plain
 * JSON, links already made.
 */

type Template<P> = (props: P, context: MailContext) => { subject: string; mjml: string };

const roleNames: Record<UserRole, string> = { LEARNER: "a learner", INSTRUCTOR: "an instructor", ADMIN: "an admin" };

export const mailTemplates = {
  magicLink: (({ link }, c) => ({
    subject: `Your ${c.platform} sign-in link`,
    mjml: layout(
      {
        title: `Sign in to ${c.platform}`,
        paragraphs: ["Use the button below to sign in. The link works once and expires in 15 minutes."],
        actions: [{ label: "Sign in", link }],
        outro: "If you did not ask for this, you can ignore this message.",
      },
      c,
    ),
  })) satisfies Template<{ link: string }>,

  passwordReset: (({ link }, c) => ({
    subject: `Reset your ${c.platform} password`,
    mjml: layout(
      {
        title: "Reset your password",
        paragraphs: [
          `Someone (hopefully you) asked to reset the password of your ${c.platform} account. The link works once and expires in 1 hour.`,
        ],
        actions: [{ label: "Choose a new password", link }],
        outro: "If you did not ask for this, ignore this message: your password stays as it is.",
      },
      c,
    ),
  })) satisfies Template<{ link: string }>,

  verifyEmail: (({ link }, c) => ({
    subject: `Confirm your ${c.platform} address`,
    mjml: layout(
      {
        title: "Confirm your e-mail address",
        paragraphs: [
          `Welcome to ${c.platform}. Confirm that this address is yours to finish creating your account. The link works once and expires in 24 hours.`,
        ],
        actions: [{ label: "Confirm my address", link }],
        outro: `If you did not create a ${c.platform} account, ignore this message and nothing will happen.`,
      },
      c,
    ),
  })) satisfies Template<{ link: string }>,

  /** To the owner of an address someone tried to sign up with again: sign-up answers the same either way. */
  signUpAttempt: (({ signIn, reset }, c) => ({
    subject: `Someone tried to create a ${c.platform} account with your address`,
    mjml: layout(
      {
        title: "You already have an account",
        paragraphs: [
          `Someone (hopefully you) tried to create a ${c.platform} account with this address, which already has one. No new account was made and nothing changed.`,
          "To get in, sign in, or choose a new password if you have forgotten it.",
        ],
        actions: [
          { label: "Sign in", link: signIn },
          { label: "Reset my password", link: reset },
        ],
        outro: "If it was not you, you can ignore this message.",
      },
      c,
    ),
  })) satisfies Template<{ signIn: string; reset: string }>,

  emailChange: (({ link }, c) => ({
    subject: `Confirm your new ${c.platform} address`,
    mjml: layout(
      {
        title: "Confirm your new address",
        paragraphs: [
          `Someone (hopefully you) asked to use this address for their ${c.platform} account. The link works once and expires in 24 hours.`,
        ],
        actions: [{ label: "Use this address", link }],
        outro: "If you did not ask for this, ignore this message: nothing changes.",
      },
      c,
    ),
  })) satisfies Template<{ link: string }>,

  /** To an address someone asked to move their account to, when it already has an account of its own. */
  emailTaken: (({ signIn }, c) => ({
    subject: `Someone asked to use your address on ${c.platform}`,
    mjml: layout(
      {
        title: "This address already has an account",
        paragraphs: [
          `Someone asked to change their ${c.platform} account's address to this one, but this address already has an account, so nothing changed.`,
        ],
        actions: [{ label: "Sign in", link: signIn }],
        outro: "If that was you, sign in with this address instead. Otherwise you can ignore this message.",
      },
      c,
    ),
  })) satisfies Template<{ signIn: string }>,

  /** Security: to the old address after a change, so that a stolen session cannot move an account away unnoticed. */
  emailChanged: (({ newAddress, reset }, c) => ({
    subject: `Your ${c.platform} address was changed`,
    mjml: layout(
      {
        title: "Your address was changed",
        paragraphs: [
          `The e-mail address of your ${c.platform} account is now ${newAddress}. Mail about your account goes there from now on.`,
        ],
        actions: [{ label: "Reset my password", link: reset }],
        outro: "If you did not do this, reset your password at once and tell your administrator.",
      },
      c,
    ),
  })) satisfies Template<{ newAddress: string; reset: string }>,

  /** Security: the password of the account was changed (by its owner, a reset link, or an admin). */
  passwordChanged: (({ reset }, c) => ({
    subject: `Your ${c.platform} password was changed`,
    mjml: layout(
      {
        title: "Your password was changed",
        paragraphs: [`The password of your ${c.platform} account was just changed, and every other device was signed out.`],
        actions: [{ label: "Reset my password", link: reset }],
        outro: "If you did not do this, reset your password at once and tell your administrator.",
      },
      c,
    ),
  })) satisfies Template<{ reset: string }>,

  /** Security: an admin disabled the account. */
  accountDisabled: ((_props, c) => ({
    subject: `Your ${c.platform} account was disabled`,
    mjml: layout(
      {
        title: "Your account was disabled",
        paragraphs: [
          `An administrator disabled your ${c.platform} account: you have been signed out and cannot sign in until it is enabled again.`,
        ],
        outro: "If you think this is a mistake, ask your administrator.",
      },
      c,
    ),
  })) satisfies Template<Record<string, never>>,

  /** Security: an admin changed the account's role. */
  roleChanged: (({ role, dashboard }, c) => ({
    subject: `Your role on ${c.platform} was changed`,
    mjml: layout(
      {
        title: "Your role was changed",
        paragraphs: [`An administrator made you ${roleNames[role]} on ${c.platform}. It applies from your next page.`],
        actions: [{ label: "Open my dashboard", link: dashboard }],
        outro: "If you did not expect this, ask your administrator.",
      },
      c,
    ),
  })) satisfies Template<{ role: UserRole; dashboard: string }>,

  /** An invitation to make an account: who invites, as what, into which courses; the link works once, for 7 days. */
  invitation: (({ link, inviter, role, courseTitles }, c) => ({
    subject: `You are invited to ${c.platform}`,
    mjml: layout(
      {
        title: `You are invited to ${c.platform}`,
        paragraphs: [
          `${inviter} invited you to join ${c.platform} as ${roleNames[role]}.` +
            (courseTitles.length > 0 ? ` You will be enrolled in: ${courseTitles.join(", ")}.` : ""),
          "Choose your name and a password to make your account. The link works once and expires in 7 days.",
        ],
        actions: [{ label: "Accept the invitation", link }],
        outro: "If you did not expect this, ignore this message and no account will be made.",
      },
      c,
    ),
  })) satisfies Template<{ link: string; inviter: string; role: UserRole; courseTitles: string[] }>,

  /** A notification by mail: what happened, and the page it is about. */
  notice: (({ title, paragraphs, action }, c) => ({
    subject: title,
    mjml: layout({ title, paragraphs, actions: [action] }, c),
  })) satisfies Template<{ title: string; paragraphs: string[]; action: Action }>,

  /** Several notifications of one kind in one mail (hourly or daily). */
  digest: (({ title, intro, items, action }, c) => ({
    subject: title,
    mjml: layout({ title, paragraphs: [intro], items, actions: [action] }, c),
  })) satisfies Template<{ title: string; intro: string; items: Item[]; action: Action }>,
};

export type MailTemplateName = keyof typeof mailTemplates;
export type MailProps<T extends MailTemplateName> = Parameters<(typeof mailTemplates)[T]>[0];
