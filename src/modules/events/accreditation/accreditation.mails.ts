import { renderMail } from '../../../adapters/mail/index.js';
import { formatDate } from '../../../platform/i18n/format.js';

const FOOTER =
  'Ce message vous est adressé par la plateforme Numérique & Territoires parce que vous avez demandé une accréditation presse. Vos données sont supprimées au plus tard six mois après l’événement.';

/**
 * « Demande reçue »: the journalist knows the request arrived and that a person will answer.
 *
 * @example
 * receivedMail({ fullName: 'Anne Martin', eventTitle: 'Journée Numérique & Territoires', eventDate: '2023-01-18T08:00:00.000Z' })
 */
export function receivedMail(input: { fullName: string; eventTitle: string; eventDate: string }) {
  return {
    subject: `Demande d’accréditation reçue — ${input.eventTitle}`,
    ...renderMail({
      preheader: 'Les organisateurs vous répondront par courriel.',
      title: 'Votre demande d’accréditation est bien reçue',
      paragraphs: [
        `Bonjour ${input.fullName},`,
        `Nous avons bien reçu votre demande d’accréditation presse pour « ${input.eventTitle} » du ${formatDate(input.eventDate)}.`,
        'Les organisateurs l’examinent et vous répondront par courriel. Si elle est acceptée, votre badge PRESSE sera joint à leur réponse.',
      ],
      footer: FOOTER,
    }),
  };
}

/**
 * « Accréditation acceptée », with the PRESSE badge attached by the caller.
 *
 * @example
 * acceptedMail({ fullName, eventTitle, eventDate, eventUrl: 'https://…/evenements/journee-2023' })
 */
export function acceptedMail(input: {
  fullName: string;
  eventTitle: string;
  eventDate: string;
  eventUrl: string;
}) {
  return {
    subject: `Accréditation acceptée — ${input.eventTitle}`,
    ...renderMail({
      preheader: 'Votre badge PRESSE est joint à ce message.',
      title: 'Votre accréditation presse est acceptée',
      paragraphs: [
        `Bonjour ${input.fullName},`,
        `Votre accréditation presse pour « ${input.eventTitle} » du ${formatDate(input.eventDate)} est acceptée.`,
        'Votre badge PRESSE est joint à ce message : imprimez-le ou présentez son code QR sur votre téléphone à l’accueil.',
      ],
      action: { label: 'Voir le programme de l’événement', url: input.eventUrl },
      footer: FOOTER,
    }),
  };
}

/**
 * « Accréditation refusée », with the organisers' reason.
 *
 * @example
 * refusedMail({ fullName, eventTitle, reason: 'Les accréditations sont closes.' })
 */
export function refusedMail(input: { fullName: string; eventTitle: string; reason: string }) {
  return {
    subject: `Accréditation refusée — ${input.eventTitle}`,
    ...renderMail({
      preheader: 'Le motif est indiqué dans ce message.',
      title: 'Votre accréditation presse n’a pas été retenue',
      paragraphs: [
        `Bonjour ${input.fullName},`,
        `Les organisateurs de « ${input.eventTitle} » n’ont pas retenu votre demande d’accréditation presse.`,
        `Motif : ${input.reason}`,
        'Pour toute question, répondez aux coordonnées du contact presse indiquées sur la page de l’événement.',
      ],
      footer: FOOTER,
    }),
  };
}
