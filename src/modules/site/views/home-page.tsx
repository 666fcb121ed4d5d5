import { type ContentItem, ItemCard } from '../../news/index.js';

/** The home page: what the platform is, where to go, and the newest publications. */
export function HomePage(props: {
  communiques: ContentItem[];
  actualites: ContentItem[];
  evenements: ContentItem[];
}) {
  const tile = (href: string, title: string, desc: string) => (
    <div class="fr-col-12 fr-col-md-6 fr-col-lg-3">
      <div class="fr-tile fr-enlarge-link">
        <div class="fr-tile__body">
          <div class="fr-tile__content">
            <h2 class="fr-tile__title">
              <a href={href}>{title}</a>
            </h2>
            <p class="fr-tile__desc">{desc}</p>
          </div>
        </div>
      </div>
    </div>
  );
  return (
    <>
      <h1>Numérique &amp; Territoires</h1>
      <p class="fr-text--lead">
        La plateforme du programme « Transformation numérique des territoires » : l’État et les collectivités
        territoriales publient ici les résultats du fonds France Relance, partagent les solutions numériques
        financées et organisent leurs rencontres.
      </p>
      <div class="fr-grid-row fr-grid-row--gutters fr-mb-5w">
        {tile('/actualites/', 'Actualités', 'Les nouvelles du programme et des collectivités.')}
        {tile('/espace-presse/', 'Espace presse', 'Communiqués et contacts presse.')}
        {tile('/agenda/', 'Agenda', 'Les événements du programme, dont la Journée Numérique & Territoires.')}
        {tile('/programme-tnt/', 'Le programme TNT', 'Gouvernance, fonds et groupes projets.')}
      </div>
      <Section
        id="derniers-communiques"
        title="Derniers communiqués"
        items={props.communiques}
        more="/espace-presse/"
      />
      <Section
        id="dernieres-actualites"
        title="Dernières actualités"
        items={props.actualites}
        more="/actualites/"
      />
      <Section id="agenda" title="Agenda" items={props.evenements} more="/agenda/" />
    </>
  );
}

function Section({
  id,
  title,
  items,
  more,
}: {
  id: string;
  title: string;
  items: ContentItem[];
  more: string;
}) {
  if (items.length === 0) return null;
  return (
    <section class="fr-mb-5w" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {items.map((item) => (
        <ItemCard item={item} headingLevel={3} />
      ))}
      <p>
        <a class="fr-link fr-icon-arrow-right-line fr-link--icon-right" href={more}>
          Tout voir : {title.toLowerCase()}
        </a>
      </p>
    </section>
  );
}
