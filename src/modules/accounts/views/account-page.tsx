import { formatDateTime } from '../../../platform/i18n/format.js';
import { Alert, CsrfField, InputField } from '../../../platform/ui/forms.js';
import { type Actor, displayName, ROLE_LABELS, rolesOf } from '../accounts.domain.js';

/** "Mon compte": who I am, my organisation, my roles, my data (download, delete). */
export function AccountPage(props: {
  actor: NonNullable<Actor>;
  organisationName: string | null;
  csrf: string;
  sirenValue?: string;
  sirenError?: string;
  notice?: string;
}) {
  const { person } = props.actor;
  return (
    <>
      <h1>Mon compte</h1>
      {props.notice ? <Alert type="success" title={props.notice} /> : null}
      <section class="fr-mb-5w" aria-labelledby="titre-identite">
        <h2 id="titre-identite">Mon identité</h2>
        <dl>
          <dt class="fr-text--bold">Nom</dt>
          <dd>{displayName(person)}</dd>
          <dt class="fr-text--bold">Adresse électronique</dt>
          <dd>{person.email}</dd>
          <dt class="fr-text--bold">Connexion</dt>
          <dd>{person.kind === 'agent' ? 'ProConnect (agent public)' : 'Lien de connexion par courriel'}</dd>
          {person.lastLoginAt ? (
            <>
              <dt class="fr-text--bold">Dernière connexion</dt>
              <dd>{formatDateTime(person.lastLoginAt)}</dd>
            </>
          ) : null}
        </dl>
        {person.kind === 'agent' ? (
          <p class="fr-text--sm">
            Votre nom et votre adresse viennent de ProConnect : modifiez-les auprès de votre fournisseur
            d’identité.
          </p>
        ) : null}
      </section>
      {person.kind === 'agent' ? (
        <section class="fr-mb-5w" aria-labelledby="titre-organisation">
          <h2 id="titre-organisation">Mon organisation</h2>
          <p>
            {props.organisationName ?? 'Aucune organisation'}
            {person.organisationSiren ? ` (SIREN ${person.organisationSiren})` : ''}
          </p>
          <form method="post" action="/mon-compte/organisation" novalidate>
            <CsrfField token={props.csrf} />
            <InputField
              name="siren"
              label="Corriger mon organisation"
              hint="Le SIREN de votre organisation, 9 chiffres (il figure dans les 9 premiers chiffres de son SIRET)."
              inputmode="numeric"
              value={props.sirenValue}
              error={props.sirenError}
            />
            <button type="submit" class="fr-btn fr-btn--secondary">
              Enregistrer
            </button>
          </form>
        </section>
      ) : null}
      <section class="fr-mb-5w" aria-labelledby="titre-roles">
        <h2 id="titre-roles">Mes rôles</h2>
        <ul>
          {rolesOf(props.actor).map((role) => (
            <li>{ROLE_LABELS[role]}</li>
          ))}
          {props.actor.grants
            .filter((g) => g.scope)
            .map((g) => (
              <li>
                {ROLE_LABELS[g.role]} — périmètre {g.scope}
              </li>
            ))}
        </ul>
      </section>
      <section class="fr-mb-5w" aria-labelledby="titre-donnees">
        <h2 id="titre-donnees">Mes données</h2>
        <p>
          Vous pouvez télécharger toutes les données que la plateforme détient sur vous, ou supprimer votre
          compte.
        </p>
        <ul class="fr-btns-group fr-btns-group--inline-md">
          <li>
            <a class="fr-btn fr-btn--secondary" href="/mon-compte/donnees.json" download="mes-donnees.json">
              Télécharger mes données (JSON)
            </a>
          </li>
          <li>
            <a class="fr-btn fr-btn--tertiary" href="/mon-compte/supprimer">
              Supprimer mon compte
            </a>
          </li>
        </ul>
      </section>
    </>
  );
}

export function DeleteAccountPage({ csrf }: { csrf: string }) {
  return (
    <>
      <h1>Supprimer mon compte</h1>
      <Alert type="warning" title="Cette action est définitive">
        <p>
          Votre compte, vos rôles et vos sessions seront supprimés. Le journal d’audit garde la trace des
          actions passées sans votre nom.
        </p>
      </Alert>
      <form method="post" action="/mon-compte/supprimer">
        <CsrfField token={csrf} />
        <ul class="fr-btns-group fr-btns-group--inline-md">
          <li>
            <button type="submit" class="fr-btn">
              Supprimer définitivement mon compte
            </button>
          </li>
          <li>
            <a class="fr-btn fr-btn--secondary" href="/mon-compte">
              Annuler
            </a>
          </li>
        </ul>
      </form>
    </>
  );
}
