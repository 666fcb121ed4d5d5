import type { Child } from 'hono/jsx';

/** The pages every French public website must have (RGAA, LCEN, RGPD), and the site map. */
export const STATIC_PAGES: Record<string, { title: string; body: () => Child }> = {
  '/accessibilite': {
    title: 'Déclaration d’accessibilité',
    body: () => (
      <>
        <h1>Déclaration d’accessibilité</h1>
        <p>
          La direction interministérielle du numérique (DINUM) s’engage à rendre ses sites internet, intranet,
          extranet et ses progiciels accessibles conformément à l’article 47 de la loi n° 2005-102 du 11
          février 2005.
        </p>
        <p>Cette déclaration d’accessibilité s’applique à la plateforme Numérique &amp; Territoires.</p>
        <h2>État de conformité</h2>
        <p>
          La plateforme Numérique &amp; Territoires est <strong>non conforme</strong> avec le référentiel
          général d’amélioration de l’accessibilité (RGAA) version 4.1 : aucun audit de conformité n’a encore
          été réalisé.
        </p>
        <p>
          Chaque page est néanmoins construite avec le système de design de l’État (DSFR) et vérifiée
          automatiquement (axe-core, critères WCAG 2.1 niveaux A et AA) ainsi qu’au clavier avant chaque mise
          en ligne.
        </p>
        <h2>Amélioration et contact</h2>
        <p>
          Si vous n’arrivez pas à accéder à un contenu ou à un service, vous pouvez contacter l’équipe du
          programme pour être orienté vers une alternative accessible ou obtenir le contenu sous une autre
          forme.
        </p>
        <h2>Voie de recours</h2>
        <p>
          Si vous constatez un défaut d’accessibilité vous empêchant d’accéder à un contenu ou une
          fonctionnalité du site, que vous nous le signalez et que vous ne parvenez pas à obtenir une réponse
          de notre part, vous êtes en droit de faire parvenir vos doléances ou une demande de saisine au
          Défenseur des droits.
        </p>
      </>
    ),
  },
  '/mentions-legales': {
    title: 'Mentions légales',
    body: () => (
      <>
        <h1>Mentions légales</h1>
        <h2>Éditeur</h2>
        <p>
          Direction interministérielle du numérique (DINUM), 20 avenue de Ségur, 75007 Paris, pour le
          programme « Transformation numérique des territoires ».
        </p>
        <h2>Directeur de la publication</h2>
        <p>Le directeur interministériel du numérique.</p>
        <h2>Hébergement</h2>
        <p>
          Les informations sur l’hébergement sont précisées par l’exploitant de cette instance de la
          plateforme.
        </p>
        <h2>Réutilisation des contenus</h2>
        <p>
          Sauf mention contraire, les contenus sont publiés sous licence ouverte Etalab 2.0. Les données
          marquées « Données de démonstration » sont fictives.
        </p>
      </>
    ),
  },
  '/donnees-personnelles': {
    title: 'Données personnelles',
    body: () => (
      <>
        <h1>Données personnelles</h1>
        <p>
          La consultation des publications ne demande aucune donnée personnelle. Le site ne dépose aucun
          cookie de mesure d’audience ni de publicité.
        </p>
        <h2>Cookie de session</h2>
        <p>
          Un cookie de session strictement nécessaire est déposé uniquement lorsque vous remplissez un
          formulaire : il protège vos envois contre la falsification de requêtes et expire au bout de 8
          heures.
        </p>
        <h2>Journaux techniques</h2>
        <p>
          Les journaux techniques enregistrent l’adresse des pages demandées et les erreurs, sans votre
          identité ni le contenu de vos recherches.
        </p>
        <h2>Vos droits</h2>
        <p>
          Vous disposez d’un droit d’accès, de rectification et d’effacement de vos données (règlement UE
          2016/679). Vous pouvez également saisir la CNIL.
        </p>
      </>
    ),
  },
};
