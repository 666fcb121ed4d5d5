import type { Child } from 'hono/jsx';

export const PLATFORM_NAME = 'Numérique & Territoires';

export interface MailContent {
  /** The line mail clients show after the subject in the inbox; hidden in the message itself. */
  preheader?: string;
  /** The message's heading (its only `h1`), usually close to the subject. */
  title: string;
  /** Plain text, one entry per paragraph; a line break inside a paragraph is kept. Never HTML. */
  paragraphs: string[];
  /** The one thing to do, shown as a button. Its label must make sense out of context ("Confirmer mon inscription"). */
  action?: { label: string; url: string };
  /** Who sends this and why the person receives it; a neutral line about the platform when absent. */
  footer?: string;
}

const DEFAULT_FOOTER =
  'Ce message vous est adressé par la plateforme Numérique & Territoires, programme « Transformation numérique des territoires ».';

// DSFR colours kept at high contrast on white: #161616 (18.9:1), blue France #000091 (16:1), #3a3a3a (11:1).
const TEXT = '#161616';
const BLUE = '#000091';
const MUTED = '#3a3a3a';
const FONT = 'Arial, Helvetica, sans-serif';

/**
 * Renders an e-mail in the platform's look, as accessible HTML and its plain-text twin. Every value is text:
 * the HTML escapes it by construction (hono/jsx), so a name typed into a form can never become markup.
 * The layout uses `role="presentation"` tables (what mail clients render reliably) and needs no image.
 *
 * @example
 * const { html, text } = renderMail({
 *   title: 'Votre inscription est confirmée',
 *   paragraphs: ['Bonjour Camille,', 'Nous vous attendons le 12 mars à Lyon.'],
 *   action: { label: 'Voir mon inscription', url: 'https://…/inscriptions/42' },
 * });
 */
export function renderMail(content: MailContent): { html: string; text: string } {
  if (content.action) assertWebUrl(content.action.url);
  const node = <MailDocument {...content} />;
  const html = node.toString();
  if (typeof html !== 'string') throw new Error('Le gabarit de courriel doit se rendre sans attente.');
  return { html: `<!DOCTYPE html>${html}`, text: renderText(content) };
}

/** The plain-text twin: same words, same order, the action's address written out. */
function renderText(content: MailContent): string {
  const blocks = [
    `République française\n${PLATFORM_NAME}`,
    `${content.title}\n${'='.repeat(Math.min(content.title.length, 70))}`,
    ...content.paragraphs.map(normaliseLines),
  ];
  if (content.action) blocks.push(`${content.action.label} :\n${content.action.url}`);
  blocks.push(`-- \n${normaliseLines(content.footer ?? DEFAULT_FOOTER)}`);
  return `${blocks.join('\n\n')}\n`;
}

function normaliseLines(s: string): string {
  return s.replace(/\r\n?/g, '\n').trim();
}

/** A link in a message goes to the web: `javascript:` or `data:` addresses are a programming error. */
function assertWebUrl(url: string) {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error(`Adresse de lien invalide dans le courriel : ${url}`);
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    throw new Error(`Un lien de courriel doit être une adresse web (http ou https) : ${url}`);
  }
}

/** Keeps the person's line breaks inside a paragraph, as text. */
function lines(s: string): Child[] {
  const parts = normaliseLines(s).split('\n');
  return parts.flatMap((line, i) => (i === 0 ? [line] : [<br />, line]));
}

function MailDocument(props: MailContent) {
  return (
    <html lang="fr" dir="ltr">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="x-apple-disable-message-reformatting" content="" />
        <meta name="color-scheme" content="light" />
        <title>{props.title}</title>
      </head>
      <body style={`margin:0;padding:0;background-color:#f6f6f6;color:${TEXT};`}>
        <div role="article" aria-roledescription="courriel" aria-label={props.title} lang="fr">
          {props.preheader ? (
            <div style="display:none;max-height:0;overflow:hidden;">
              {props.preheader}
              {' \u200c\u00a0'.repeat(40)}
            </div>
          ) : null}
          <Table style="background-color:#f6f6f6;">
            <tr>
              <td align="center" style="padding:24px 12px;">
                <Table style="max-width:600px;background-color:#ffffff;border:1px solid #dddddd;">
                  <Header />
                  <tr>
                    <td style={`padding:32px 24px 8px 24px;font-family:${FONT};color:${TEXT};`}>
                      <h1 style={`margin:0 0 24px 0;font-size:26px;line-height:1.3;color:${TEXT};`}>
                        {props.title}
                      </h1>
                      {props.paragraphs.map((p) => (
                        <p style="margin:0 0 16px 0;font-size:16px;line-height:1.5;">{lines(p)}</p>
                      ))}
                    </td>
                  </tr>
                  {props.action ? <Action {...props.action} /> : null}
                  <tr>
                    <td
                      style={`padding:16px 24px 24px 24px;border-top:1px solid #dddddd;font-family:${FONT};font-size:14px;line-height:1.5;color:${MUTED};`}
                    >
                      <p style="margin:0;">{lines(props.footer ?? DEFAULT_FOOTER)}</p>
                    </td>
                  </tr>
                </Table>
              </td>
            </tr>
          </Table>
        </div>
      </body>
    </html>
  );
}

/** A layout table: `role="presentation"` so that screen readers read its text, not a grid of cells. */
function Table({ style, fit, children }: { style: string; fit?: boolean; children: Child }) {
  return (
    <table
      role="presentation"
      width={fit ? undefined : '100%'}
      cellpadding={0}
      cellspacing={0}
      border={0}
      style={style}
    >
      {children}
    </table>
  );
}

function Header() {
  return (
    <tr>
      <td style={`padding:20px 24px;border-bottom:4px solid ${BLUE};font-family:${FONT};color:${TEXT};`}>
        <p style="margin:0;font-size:14px;line-height:1.2;font-weight:bold;letter-spacing:0.5px;">
          République française
        </p>
        <p style={`margin:8px 0 0 0;font-size:20px;line-height:1.3;font-weight:bold;color:${BLUE};`}>
          {PLATFORM_NAME}
        </p>
      </td>
    </tr>
  );
}

/** A button any client renders (a padded link in a cell), and the address written out for the others. */
function Action({ label, url }: { label: string; url: string }) {
  return (
    <tr>
      <td style={`padding:8px 24px 24px 24px;font-family:${FONT};`}>
        <Table style="width:auto;" fit>
          <tr>
            <td style={`background-color:${BLUE};`}>
              <a
                href={url}
                style={`display:inline-block;padding:12px 24px;font-size:16px;line-height:1.5;font-weight:bold;color:#ffffff;text-decoration:none;background-color:${BLUE};`}
              >
                {label}
              </a>
            </td>
          </tr>
        </Table>
        <p style={`margin:16px 0 0 0;font-size:14px;line-height:1.5;color:${MUTED};`}>
          Si le bouton ne fonctionne pas, copiez cette adresse dans votre navigateur :<br />
          <a href={url} style={`color:${BLUE};text-decoration:underline;word-break:break-all;`}>
            {url}
          </a>
        </p>
      </td>
    </tr>
  );
}
