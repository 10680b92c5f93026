import "server-only";
import { convert } from "html-to-text";
import mjml2html from "mjml";

/** Every value that goes into the MJML goes through here: text, link targets and attributes alike. */
export const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export type Action = { label: string; link: string };
export type Item = { title: string; body?: string | null; link: string };

/** What one message says; the layout turns it into MJML. */
export type MailBody = {
  title: string;
  paragraphs: string[];
  /** A digest's entries: a linked title and an optional line each. */
  items?: Item[];
  actions?: Action[];
  /** The small print under the buttons ("If you did not ask for this…"). */
  outro?: string;
};

export type MailContext = {
  platform: string;
  /** Mail a user can turn off: what it is, and the page that turns it off. */
  unsubscribe?: { what: string; link: string };
};

const COLORS = { ink: "#0f172a", muted: "#475569", faint: "#64748b", brand: "#4338ca", page: "#f1f5f9" };

/**
 * The one layout: the platform's name over a white card with the title, the paragraphs, a digest's items, one button per
 * action, the small print, and the actions' links spelled out for clients that show no buttons; under the card a footer
 * with the platform's name and, when the mail can be turned off, the line that turns it off.
 */
export function layout(body: MailBody, { platform, unsubscribe }: MailContext): string {
  const e = escapeHtml;
  const actions = body.actions ?? [];
  // Each block is a paragraph, so that the text part keeps a blank line between them.
  const text = (html: string, attrs = "") => `<mj-text${attrs}><p style="margin:0">${html}</p></mj-text>`;
  const parts = [
    `<mj-text><h1 style="font-size:20px;line-height:1.3;margin:0">${e(body.title)}</h1></mj-text>`,
    ...body.paragraphs.map((p) => text(e(p))),
    ...(body.items ?? []).map((item) =>
      text(
        `<a href="${e(item.link)}" style="color:${COLORS.brand};font-weight:600">${e(item.title)}</a>` +
          (item.body ? `<br />${e(item.body)}` : ""),
        ` css-class="item"`,
      ),
    ),
    ...actions.map(
      (a) =>
        `<mj-button href="${e(a.link)}" css-class="button" align="left" background-color="${COLORS.brand}" color="#ffffff" border-radius="8px" inner-padding="10px 16px">${e(a.label)}</mj-button>`,
    ),
    ...(body.outro ? [text(e(body.outro), ` color="${COLORS.muted}" font-size="14px"`)] : []),
    ...(actions.length > 0
      ? [
          text(
            `<span class="html-only">If a button does not work, open its link:<br /></span>` +
              actions.map((a) => `${e(a.label)}: <a href="${e(a.link)}" style="color:${COLORS.muted}">${e(a.link)}</a>`).join("<br />"),
            ` color="${COLORS.muted}" font-size="12px" css-class="spelled"`,
          ),
        ]
      : []),
  ];
  const footer = [
    `Sent by ${e(platform)}.`,
    ...(unsubscribe
      ? [
          `You get this mail because “${e(unsubscribe.what)}” is on in your notification settings.`,
          `Unsubscribe: <a href="${e(unsubscribe.link)}" style="color:${COLORS.faint}">${e(unsubscribe.link)}</a>`,
        ]
      : []),
  ].join("<br />");
  return `<mjml>
  <mj-head>
    <mj-title>${e(body.title)}</mj-title>
    <mj-attributes>
      <mj-all font-family="system-ui, -apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif" />
      <mj-text font-size="15px" line-height="1.5" color="${COLORS.ink}" padding="8px 0" />
      <mj-button font-size="15px" padding="12px 0" />
    </mj-attributes>
  </mj-head>
  <mj-body background-color="${COLORS.page}" width="560px">
    <mj-section padding="24px 16px 12px">
      <mj-column>${text(e(platform), ` css-class="platform" font-size="18px" font-weight="700" color="${COLORS.brand}"`)}</mj-column>
    </mj-section>
    <mj-section background-color="#ffffff" border-radius="8px" padding="16px 24px">
      <mj-column>
        ${parts.join("\n        ")}
      </mj-column>
    </mj-section>
    <mj-section padding="12px 16px 24px">
      <mj-column>${text(footer, ` color="${COLORS.faint}" font-size="12px"`)}</mj-column>
    </mj-section>
  </mj-body>
</mjml>`;
}

/**
 * The HTML part is MJML's output; the text part is that same HTML read as text (html-to-text), so the two parts never
 * say different things. In the text the buttons are left out (their links are spelled out below them anyway).
 */
export async function renderMjml(mjml: string): Promise<{ html: string; text: string }> {
  const { html, errors } = await mjml2html(mjml, { validationLevel: "strict", fonts: {}, keepComments: false });
  // Where, not what: a message could quote a value, and values hold links with tokens.
  if (errors.length > 0)
    throw new Error(`The mail's MJML is not valid at ${errors.map((error) => `${error.tagName} (line ${error.line})`).join(", ")}`);
  const text = convert(html, {
    // Lines are left whole: mail clients wrap text themselves, and a link is never split.
    wordwrap: false,
    selectors: [
      { selector: "h1", options: { uppercase: false, leadingLineBreaks: 1 } },
      { selector: ".button", format: "skip" },
      { selector: ".html-only", format: "skip" },
      { selector: "a", options: { hideLinkHrefIfSameAsText: true, linkBrackets: false } },
    ],
  });
  return { html, text: `${text.trim()}\n` };
}
