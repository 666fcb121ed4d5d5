import { ErrorSummary, TextareaField } from '../../../platform/ui/fields.js';
import { Alert, CsrfField, InputField } from '../../../platform/ui/forms.js';

export const CONTACT_FIELDS = { objet: 'Objet', message: 'Votre message' } as const;

/**
 * « Contacter l’équipe » or « Contacter une collectivité qui l’utilise »: a subject and a message, sent by
 * the platform. The page says who will receive it in words and how many, never an address; that the sender
 * gets a copy and the answers by e-mail; that their own address is given to the recipients as the reply
 * address.
 *
 * @example
 * <ContactForm solution={{ id, name }} audience="l’équipe de « Salle sur demande »" reach={2} values={…} errors={{}} csrf={t} organisation={null} senderEmail="a@b.fr" />
 */
export function ContactForm(props: {
  solution: { id: string; name: string };
  audience: string;
  organisation: string | null;
  reach: number;
  values: { objet: string; message: string };
  errors: Record<string, string>;
  csrf: string;
  senderEmail: string;
  problem?: string | null;
}) {
  const { values, errors } = props;
  return (
    <>
      <h1>Contacter {props.audience}</h1>
      <p class="fr-text--lead">Au sujet de « {props.solution.name} ».</p>
      {props.problem ? <Alert type="error" title={props.problem} /> : null}
      {props.reach === 0 ? (
        <Alert type="info" title="Personne ne peut encore recevoir de message">
          <p>
            Aucun référent n’a accepté de recevoir des messages par la plateforme pour le moment. Revenez plus
            tard, ou consultez la fiche pour d’autres moyens de contact (documentation, site).
          </p>
        </Alert>
      ) : (
        <>
          <p>
            {props.reach > 1 ? `${props.reach} référents recevront` : 'Un référent recevra'} votre message par
            courriel. Leurs adresses ne vous sont pas communiquées. Votre adresse ({props.senderEmail}) leur
            est donnée comme adresse de réponse : leurs réponses vous parviendront directement. Vous recevez
            une copie de votre message.
          </p>
          <ErrorSummary errors={errors} labels={CONTACT_FIELDS} />
          <form method="post" action={`/catalogue/solutions/${props.solution.id}/contacter`} novalidate>
            <CsrfField token={props.csrf} />
            {props.organisation ? (
              <input type="hidden" name="organisation" value={props.organisation} />
            ) : null}
            <InputField
              name="objet"
              label={CONTACT_FIELDS.objet}
              value={values.objet}
              error={errors.objet}
              required
            />
            <TextareaField
              name="message"
              label={CONTACT_FIELDS.message}
              hint="5 000 caractères au plus. Ne donnez pas de données personnelles d’usagers."
              value={values.message}
              error={errors.message}
              rows={8}
            />
            <ul class="fr-btns-group fr-btns-group--inline-md">
              <li>
                <button type="submit" class="fr-btn">
                  Envoyer le message
                </button>
              </li>
              <li>
                <a class="fr-btn fr-btn--secondary" href={`/catalogue/solutions/${props.solution.id}`}>
                  Annuler
                </a>
              </li>
            </ul>
          </form>
        </>
      )}
    </>
  );
}

/**
 * Reporting an entry (or a message received about it) to the moderators: a reason is required.
 *
 * @example
 * <ReportForm action="/catalogue/solutions/x/signaler" title="Signaler « X »" value="" csrf={t} />
 */
export function ReportForm(props: {
  action: string;
  title: string;
  intro: string;
  value: string;
  error?: string;
  csrf: string;
  back: string;
}) {
  return (
    <>
      <h1>{props.title}</h1>
      <p class="fr-text--lead">{props.intro}</p>
      <ErrorSummary
        errors={props.error ? { motif: props.error } : {}}
        labels={{ motif: 'Motif du signalement' }}
      />
      <form method="post" action={props.action} novalidate>
        <CsrfField token={props.csrf} />
        <TextareaField
          name="motif"
          label="Motif du signalement"
          hint="Ce qui ne va pas : une information fausse, un lien cassé, un message abusif… 1 000 caractères au plus."
          value={props.value}
          error={props.error}
          rows={5}
        />
        <ul class="fr-btns-group fr-btns-group--inline-md">
          <li>
            <button type="submit" class="fr-btn">
              Signaler
            </button>
          </li>
          <li>
            <a class="fr-btn fr-btn--secondary" href={props.back}>
              Annuler
            </a>
          </li>
        </ul>
      </form>
    </>
  );
}
