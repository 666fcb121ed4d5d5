import { Alert, CsrfField, InputField } from '../../../platform/ui/forms.js';

/**
 * The login page: ProConnect for public agents, an e-mail link for everyone else (press, public). Both are
 * plain forms: they work without JavaScript.
 */
export function LoginPage(props: {
  csrf: string;
  retour: string;
  email?: string;
  emailError?: string;
  problem?: string;
}) {
  return (
    <div class="fr-grid-row fr-grid-row--gutters">
      <div class="fr-col-12 fr-col-md-8 fr-col-lg-6">
        <h1>Se connecter</h1>
        {props.problem ? (
          <Alert type="error" title="La connexion n’a pas abouti">
            {props.problem}
          </Alert>
        ) : null}
        <section class="fr-mb-6w" aria-labelledby="titre-agents">
          <h2 id="titre-agents">Vous êtes agent public</h2>
          <p>
            Utilisez ProConnect, l’identifiant des agents de l’État et des collectivités territoriales. Vous
            êtes rattaché à votre organisation grâce à son SIRET.
          </p>
          <form method="post" action="/connexion/proconnect" class="fr-mb-2w">
            <CsrfField token={props.csrf} />
            <input type="hidden" name="retour" value={props.retour} />
            <button type="submit" class="fr-btn fr-btn--lg">
              S’identifier avec ProConnect
            </button>
          </form>
          <p>
            <a
              href="https://www.proconnect.gouv.fr/"
              target="_blank"
              rel="noopener noreferrer"
              title="Qu’est-ce que ProConnect ? - nouvelle fenêtre"
            >
              Qu’est-ce que ProConnect ?
            </a>
          </p>
        </section>
        <section aria-labelledby="titre-lien">
          <h2 id="titre-lien">Vous n’êtes pas agent public</h2>
          <p>
            Journalistes, partenaires et particuliers : recevez un lien de connexion par courriel. Il est
            valable 15 minutes et ne sert qu’une fois.
          </p>
          <form method="post" action="/connexion/lien" novalidate>
            <CsrfField token={props.csrf} />
            <InputField
              name="email"
              type="email"
              label="Adresse électronique"
              hint="Format attendu : nom@domaine.fr"
              autocomplete="email"
              spellcheck={false}
              value={props.email}
              error={props.emailError}
              required
            />
            <button type="submit" class="fr-btn fr-btn--secondary">
              Recevoir un lien de connexion
            </button>
          </form>
        </section>
      </div>
    </div>
  );
}

/** After a link request: the same words whether the address is known or not. */
export function LinkSentPage() {
  return (
    <>
      <h1>Consultez votre messagerie</h1>
      <Alert type="success" title="Demande enregistrée">
        <p>
          Si cette adresse peut recevoir un lien de connexion, il vient de lui être envoyé. Il est valable 15
          minutes et ne sert qu’une fois.
        </p>
      </Alert>
      <p>
        Rien reçu après quelques minutes ? Vérifiez vos courriers indésirables, puis{' '}
        <a href="/connexion">demandez un nouveau lien</a>.
      </p>
    </>
  );
}

/** A valid link asks for a click before logging in: mail scanners that open links must not use it up. */
export function LinkConfirmPage({ csrf, token }: { csrf: string; token: string }) {
  return (
    <>
      <h1>Connexion par lien</h1>
      <p>Confirmez pour vous connecter à Numérique &amp; Territoires.</p>
      <form method="post" action={`/connexion/lien/${token}`}>
        <CsrfField token={csrf} />
        <button type="submit" class="fr-btn">
          Me connecter
        </button>
      </form>
    </>
  );
}

export function LinkUnusablePage({ state }: { state: 'utilise' | 'expire' | 'inconnu' }) {
  const reason =
    state === 'utilise'
      ? 'Ce lien de connexion a déjà servi.'
      : state === 'expire'
        ? 'Ce lien de connexion a expiré : il n’était valable que 15 minutes.'
        : 'Ce lien de connexion n’est pas valide.';
  return (
    <>
      <h1>Lien de connexion inutilisable</h1>
      <Alert type="error" title={reason}>
        <p>Demandez un nouveau lien : il vous parviendra en quelques instants.</p>
      </Alert>
      <p>
        <a class="fr-btn" href="/connexion">
          Demander un nouveau lien
        </a>
      </p>
    </>
  );
}

export function LoggedOutPage() {
  return (
    <>
      <h1>Vous êtes déconnecté</h1>
      <p>À bientôt sur Numérique &amp; Territoires.</p>
      <p>
        <a class="fr-btn fr-btn--secondary" href="/connexion">
          Se reconnecter
        </a>
      </p>
    </>
  );
}
