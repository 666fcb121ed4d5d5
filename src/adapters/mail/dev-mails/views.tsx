import { formatDateTime } from '../../../platform/i18n/format.js';
import type { DevMailRecord } from './files.js';

/** Says what the page is, on every page: nothing here was sent. */
function DevNotice({ dir }: { dir?: string }) {
  return (
    <div class="fr-alert fr-alert--info fr-mb-4w">
      <h2 class="fr-alert__title">Outil de développement</h2>
      <p>
        Aucun courriel n’est envoyé : la plateforme les écrit
        {dir ? (
          <>
            {' '}
            dans le dossier <code>{dir}</code>
          </>
        ) : null}{' '}
        et les affiche ici. Cette page n’existe pas en production, où les courriels partent par SMTP.
      </p>
    </div>
  );
}

/** The list of written messages, newest first. */
export function DevMailList({
  mails,
  dir,
  basePath,
}: {
  mails: DevMailRecord[];
  dir: string;
  basePath: string;
}) {
  return (
    <>
      <h1>Courriels de développement</h1>
      <DevNotice dir={dir} />
      {mails.length === 0 ? (
        <p>Aucun courriel n’a encore été écrit.</p>
      ) : (
        <div class="fr-table">
          <div class="fr-table__wrapper">
            <div class="fr-table__container">
              <div class="fr-table__content">
                <table>
                  <caption>
                    {mails.length === 1 ? '1 courriel' : `${mails.length} courriels`}, du plus récent au plus
                    ancien
                  </caption>
                  <thead>
                    <tr>
                      <th scope="col">Date</th>
                      <th scope="col">Objet</th>
                      <th scope="col">Destinataire</th>
                    </tr>
                  </thead>
                  <tbody>
                    {mails.map((m) => (
                      <tr>
                        <td>
                          <time datetime={m.date}>{formatDateTime(m.date)}</time>
                        </td>
                        <td>
                          <a href={`${basePath}/${m.id}`}>{m.subject}</a>
                        </td>
                        <td>{m.to}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </div>
          </div>
        </div>
      )}
    </>
  );
}

/** Web addresses in the text part, so that a login link can be followed from here. */
function linksIn(text: string): string[] {
  return [...new Set(text.match(/https?:\/\/[^\s<>"]+/g) ?? [])];
}

function kilobytes(bytes: number): string {
  return `${Math.max(1, Math.round(bytes / 1024))} ko`;
}

/** One message: its headers, its text part as paragraphs, its links, and its files to download. */
export function DevMailView({ mail, basePath }: { mail: DevMailRecord; basePath: string }) {
  const links = linksIn(mail.text);
  const paragraphs = mail.text
    .replace(/\r\n?/g, '\n')
    .trim()
    .split(/\n{2,}/);
  return (
    <>
      <h1>{mail.subject}</h1>
      <DevNotice />
      <dl class="fr-mb-4w">
        <dt class="fr-text--bold">Destinataire</dt>
        <dd class="fr-mb-1w">{mail.to}</dd>
        {mail.replyTo ? (
          <>
            <dt class="fr-text--bold">Réponse à</dt>
            <dd class="fr-mb-1w">{mail.replyTo}</dd>
          </>
        ) : null}
        <dt class="fr-text--bold">Expéditeur</dt>
        <dd class="fr-mb-1w">{mail.from}</dd>
        <dt class="fr-text--bold">Date</dt>
        <dd class="fr-mb-1w">
          <time datetime={mail.date}>{formatDateTime(mail.date)}</time>
        </dd>
        <dt class="fr-text--bold">Message-ID</dt>
        <dd class="fr-mb-1w">
          <code>{mail.messageId}</code>
        </dd>
        {mail.attachments.length > 0 ? (
          <>
            <dt class="fr-text--bold">Pièces jointes</dt>
            <dd class="fr-mb-1w">
              {mail.attachments
                .map((a) => `${a.filename} (${a.contentType}, ${kilobytes(a.size)})`)
                .join(', ')}
            </dd>
          </>
        ) : null}
      </dl>

      <h2>Version texte</h2>
      <div class="fr-mb-4w">
        {paragraphs.map((p) => (
          <p>{p.split('\n').flatMap((line, i) => (i === 0 ? [line] : [<br />, line]))}</p>
        ))}
      </div>

      {links.length > 0 ? (
        <>
          <h2>Liens du message</h2>
          <ul class="fr-mb-4w">
            {links.map((href) => (
              <li>
                <a href={href}>{href}</a>
              </li>
            ))}
          </ul>
        </>
      ) : null}

      <h2>Télécharger le message</h2>
      <p>
        La version HTML n’est pas affichée ici : téléchargez-la pour l’ouvrir dans un navigateur ou un
        logiciel de messagerie.
      </p>
      <ul class="fr-raw-list">
        <li class="fr-mb-2w">
          <a href={`${basePath}/${mail.id}.eml`} download class="fr-link fr-link--download">
            Télécharger le message complet « {mail.subject} »
            <span class="fr-link__detail">
              EML – message complet, à ouvrir avec un logiciel de messagerie
            </span>
          </a>
        </li>
        <li class="fr-mb-2w">
          <a href={`${basePath}/${mail.id}.html`} download class="fr-link fr-link--download">
            Télécharger la version HTML de « {mail.subject} »
            <span class="fr-link__detail">HTML – {kilobytes(Buffer.byteLength(mail.html))}</span>
          </a>
        </li>
      </ul>
    </>
  );
}
