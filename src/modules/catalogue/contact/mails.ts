import { renderMail } from '../../../adapters/mail/index.js';

export interface ContactMailFacts {
  solutionName: string;
  solutionUrl: string;
  /** « l’équipe de Salle sur demande » or « Commune de Grenoble ». */
  audience: string;
  kind: 'equipe' | 'utilisateur';
  senderName: string;
  senderOrganisation: string | null;
  subject: string;
  body: string;
  reportUrl: string;
  preferencesUrl: string;
}

/**
 * The message a référent receives: who writes and about what, the text as typed (plain text: the template
 * escapes it), how to answer (replying reaches the sender, whose address is the Reply-To), how to report it.
 * No other recipient is named.
 *
 * @example
 * const { subject, html, text } = recipientMail(facts);
 */
export function recipientMail(f: ContactMailFacts) {
  const who = f.senderOrganisation ? `${f.senderName} (${f.senderOrganisation})` : f.senderName;
  const why =
    f.kind === 'equipe'
      ? `au sujet de la solution « ${f.solutionName} », dont vous êtes référent ou référente`
      : `au sujet de la solution « ${f.solutionName} », que votre organisation a déclaré utiliser ou vouloir utiliser`;
  return {
    subject: `[Catalogue] ${f.subject}`,
    ...renderMail({
      preheader: `${who} vous écrit au sujet de « ${f.solutionName} ».`,
      title: `Un message au sujet de « ${f.solutionName} »`,
      paragraphs: [
        'Bonjour,',
        `${who} vous écrit par la plateforme Numérique & Territoires, ${why}.`,
        `Objet : ${f.subject}`,
        f.body,
        `Pour répondre, répondez simplement à ce courriel : votre réponse ira directement à ${f.senderName}. Votre adresse ne lui a pas été communiquée ; elle ne le sera que si vous répondez.`,
        `Ce message vous semble abusif ? Signalez-le aux modérateurs : ${f.reportUrl}`,
      ],
      action: { label: 'Voir la solution', url: f.solutionUrl },
      footer: `Vous recevez ce message parce que vous avez accepté d’être contacté ou contactée par la plateforme Numérique & Territoires. Pour ne plus en recevoir : ${f.preferencesUrl}`,
    }),
  };
}

/**
 * A moderator's notice of a new report: which entry, the reason as typed, who reported it (their label, never
 * an address), and the moderation page.
 *
 * @example
 * const { subject, html, text } = reportMail({ solutionName, reason, reporterLabel, aboutMessage: false, moderationUrl });
 */
export function reportMail(f: {
  solutionName: string;
  reason: string;
  reporterLabel: string;
  aboutMessage: boolean;
  moderationUrl: string;
}) {
  const what = f.aboutMessage
    ? `un message reçu au sujet de la solution « ${f.solutionName} »`
    : `la fiche de la solution « ${f.solutionName} »`;
  return {
    subject: `[Catalogue] Nouveau signalement : ${f.solutionName}`,
    ...renderMail({
      preheader: `${f.reporterLabel} signale ${what}.`,
      title: 'Un nouveau signalement attend votre examen',
      paragraphs: ['Bonjour,', `${f.reporterLabel} signale ${what}.`, `Motif : ${f.reason}`],
      action: { label: 'Examiner les signalements', url: f.moderationUrl },
      footer:
        'Vous recevez ce message parce que vous modérez le catalogue de mutualisation de Numérique & Territoires.',
    }),
  };
}

/**
 * The sender's copy: what was sent, to whom in words (never an address), and that answers come by e-mail.
 *
 * @example
 * const { subject, html, text } = senderCopyMail(facts, 2);
 */
export function senderCopyMail(f: ContactMailFacts, recipientCount: number) {
  const count = recipientCount > 1 ? `${recipientCount} référents` : 'un référent';
  return {
    subject: `[Catalogue] Copie : ${f.subject}`,
    ...renderMail({
      preheader: `Votre message a été transmis à ${f.audience}.`,
      title: `Copie de votre message au sujet de « ${f.solutionName} »`,
      paragraphs: [
        'Bonjour,',
        `Votre message a été transmis à ${f.audience} (${count}). Leurs adresses ne vous sont pas communiquées : s’ils vous répondent, leur réponse vous parviendra directement par courriel.`,
        `Objet : ${f.subject}`,
        f.body,
      ],
      action: { label: 'Voir la solution', url: f.solutionUrl },
    }),
  };
}
