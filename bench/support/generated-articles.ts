/**
 * Generated actualités for the benches: French text of a few paragraphs about the programme's themes,
 * tags and categories from short lists, dates spread over several years. Deterministic (seeded), so two
 * runs import the same corpus and their figures compare.
 */

/** The tags an article draws from; "Données" gives the `donnees` slug the list scenario filters on. */
export const TAGS = [
  'Données',
  'Mutualisation',
  'France Relance',
  'Collectivités',
  'Cybersécurité',
  'Accessibilité',
  'Logiciels libres',
  'Inclusion numérique',
  'Services publics',
  'Territoires connectés',
];

const CATEGORIES = ['Actualité', 'Projet lauréat', 'Témoignage', 'Retour d’expérience'];

const FIRST_YEAR = 2018;
const YEARS = 7;
const MIN_WORDS = 300;
const MAX_WORDS = 600;

/** Subjects with their grammatical number, so that verbs agree. */
const SUBJECTS: Array<[string, 'sing' | 'plur']> = [
  ['Les collectivités territoriales', 'plur'],
  ['La communauté de communes', 'sing'],
  ['Le département', 'sing'],
  ['La région', 'sing'],
  ['Les agents de la mairie', 'plur'],
  ['Le syndicat mixte', 'sing'],
  ['L’équipe projet', 'sing'],
  ['Les élus locaux', 'plur'],
  ['La métropole', 'sing'],
  ['L’agglomération', 'sing'],
  ['Le groupement d’intérêt public', 'sing'],
  ['Les communes rurales', 'plur'],
  ['Les services déconcentrés de l’État', 'plur'],
  ['Le centre de gestion', 'sing'],
];

const VERBS: Array<[string, string]> = [
  ['mutualise', 'mutualisent'],
  ['déploie', 'déploient'],
  ['ouvre', 'ouvrent'],
  ['développe', 'développent'],
  ['partage', 'partagent'],
  ['modernise', 'modernisent'],
  ['sécurise', 'sécurisent'],
  ['finance', 'financent'],
  ['réutilise', 'réutilisent'],
  ['publie', 'publient'],
  ['simplifie', 'simplifient'],
  ['expérimente', 'expérimentent'],
];

const OBJECTS = [
  'leurs données ouvertes',
  'un service numérique de prise de rendez-vous',
  'une plateforme de démarches en ligne',
  'le socle logiciel commun',
  'un outil de gestion des données de voirie',
  'les services publics numériques du territoire',
  'un portail citoyen accessible',
  'des briques logicielles libres',
  'l’infrastructure d’hébergement mutualisée',
  'un système d’information géographique',
  'la messagerie sécurisée des agents',
  'un guichet numérique unique',
  'un entrepôt de données territoriales',
  'le référentiel des adresses',
  'un tableau de bord de la consommation énergétique',
];

const CIRCUMSTANCES = [
  'grâce au fonds France Relance',
  'dans le cadre du programme Transformation numérique des territoires',
  'avec l’appui de l’ANCT',
  'en lien avec la DINUM',
  'pour réduire la fracture numérique',
  'afin de renforcer la cybersécurité des systèmes d’information',
  'au bénéfice de plusieurs territoires voisins',
  'en s’appuyant sur des logiciels libres',
  'pour faciliter la mutualisation entre collectivités',
  'dans le respect du RGPD',
  'sur l’ensemble du territoire départemental',
  'depuis le début de l’année',
  'avec les associations d’élus',
  'au service des habitants les plus éloignés du numérique',
  'au titre de l’inclusion numérique',
  'pour rendre les démarches accessibles à tous',
];

const REMARKS = [
  'Ce projet illustre la capacité des collectivités à coopérer autour de solutions numériques partagées.',
  'La démarche a été conduite avec les usagers, associés dès la conception du service.',
  'Les données produites sont publiées en open data, dans un format réutilisable.',
  'Le code source est publié sous licence libre, afin que d’autres territoires puissent le réutiliser.',
  'Une attention particulière a été portée à l’accessibilité numérique, conformément au RGAA.',
  'L’hébergement est assuré par un prestataire qualifié, dans une logique de souveraineté numérique.',
  'Les agents ont été formés aux nouveaux outils au cours de plusieurs ateliers.',
  'La mutualisation des coûts a permis aux plus petites communes de bénéficier du dispositif.',
  'Un comité de pilotage réunit chaque trimestre les élus et les équipes techniques.',
  'Les premiers retours des habitants sont encourageants, et de nouvelles fonctionnalités sont prévues.',
];

const QUOTES = [
  '« Nous avons gagné un temps précieux dans le traitement des demandes », explique la cheffe de projet.',
  '« La mutualisation nous a permis d’aller beaucoup plus loin que seuls », souligne le vice-président.',
  '« Les données sont devenues un bien commun du territoire », résume le directeur des systèmes d’information.',
  '« Sans le fonds, ce projet n’aurait pas vu le jour avant plusieurs années », reconnaît la maire.',
];

const PLACES = [
  'du Pays de Brocéliande',
  'de la vallée de la Drôme',
  'du Grand Périgueux',
  'des Hautes-Alpes',
  'du Val de Loire',
  'de la Montagne noire',
  'du Cotentin',
  'des Vosges du Nord',
  'du Lot-et-Garonne',
  'de la Haute-Saône',
  'du Marais poitevin',
  'de la Côte d’Opale',
];

const HEADINGS = [
  'Ce que le projet a produit',
  'Une démarche mutualisée',
  'Les prochaines étapes',
  'Des données au service du territoire',
  'Un financement France Relance',
];

const BULLETS = [
  'un service en ligne accessible et compatible FranceConnect',
  'un code source publié sous licence libre',
  'une documentation pour les collectivités qui souhaitent le réutiliser',
  'un jeu de données publié sur data.gouv.fr',
  'un accompagnement des agents et des élus',
  'une convention de mutualisation entre intercommunalités',
];

/** A seeded pseudo-random generator (mulberry32), so the corpus is the same on every run. */
function createRandom(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  const some = <T>(list: readonly T[], count: number): T[] => {
    const copy = [...list];
    const out: T[] = [];
    while (out.length < count && copy.length > 0)
      out.push(copy.splice(Math.floor(next() * copy.length), 1)[0]!);
    return out;
  };
  return { next, int, pick, some };
}

type Random = ReturnType<typeof createRandom>;

/**
 * What one article is about: a few subjects, places, objects and circumstances drawn from the lists, so that
 * articles differ and a query does not match them all.
 */
interface Theme {
  subjects: Array<[string, 'sing' | 'plur']>;
  places: string[];
  objects: string[];
  circumstances: string[];
}

function theme(random: Random): Theme {
  return {
    subjects: random.some(SUBJECTS, 5),
    places: random.some(PLACES, 2),
    objects: random.some(OBJECTS, 4),
    circumstances: random.some(CIRCUMSTANCES, 4),
  };
}

function clause(random: Random, about: Theme): string {
  const [subject, number] = random.pick(about.subjects);
  const verb = random.pick(VERBS)[number === 'sing' ? 0 : 1];
  return `${subject} ${random.pick(about.places)} ${verb} ${random.pick(about.objects)}`;
}

function sentence(random: Random, about: Theme): string {
  if (random.next() < 0.15) return random.pick(REMARKS);
  if (random.next() < 0.05) return random.pick(QUOTES);
  return `${clause(random, about)} ${random.pick(about.circumstances)}.`;
}

function paragraph(random: Random, about: Theme): string {
  return Array.from({ length: random.int(3, 6) }, () => sentence(random, about)).join(' ');
}

const wordCount = (text: string) => text.split(/\s+/).filter(Boolean).length;

/** A body of a few paragraphs, sometimes with a heading and a list, of 300 to 600 words. */
function body(random: Random, about: Theme): string {
  const target = random.int(MIN_WORDS, MAX_WORDS);
  const blocks: string[] = [];
  let words = 0;
  while (words < target) {
    let block = paragraph(random, about);
    if (blocks.length > 0 && random.next() < 0.2) {
      const items = random.some(BULLETS, random.int(2, 4)).map((b) => `- ${b} ;`);
      block = `### ${random.pick(HEADINGS)}\n\n${block}\n\n${items.join('\n')}`;
    } else if (random.next() < 0.15) {
      block = `**${block}**`;
    }
    blocks.push(block);
    words += wordCount(block);
  }
  blocks.push('[En savoir plus sur le programme](/programme-tnt/presentation/)');
  return blocks.join('\n\n');
}

/** A date of the period, as the programme's files write it (`2022-02-03 09:30:00 +01:00`). */
function date(random: Random): { day: string; full: string } {
  const time = Date.UTC(FIRST_YEAR, 0, 1) + Math.floor(random.next() * YEARS * 365 * 86_400_000);
  const d = new Date(time);
  const day = d.toISOString().slice(0, 10);
  const hh = String(random.int(8, 18)).padStart(2, '0');
  const mm = String(random.int(0, 5) * 10).padStart(2, '0');
  return { day, full: `${day} ${hh}:${mm}:00 +01:00` };
}

/** One article's Markdown file: YAML front matter (strings JSON-quoted, which YAML reads) and body. */
function articleFile(random: Random, n: number): { name: string; text: string } {
  const when = date(random);
  const about = theme(random);
  const tags = random.some(TAGS, random.int(1, 3));
  const text = [
    '---',
    `title: ${JSON.stringify(clause(random, about))}`,
    `date: ${when.full}`,
    'categories:',
    `- ${JSON.stringify(random.pick(CATEGORIES))}`,
    'tags:',
    ...tags.map((t) => `- ${JSON.stringify(t)}`),
    `chapeau-text: ${JSON.stringify(sentence(random, about))}`,
    '---',
    '',
    body(random, about),
    '',
  ].join('\n');
  return { name: `${when.day}-actualite-generee-${String(n).padStart(4, '0')}.md`, text };
}

/**
 * The generated actualités, as file names (under `_actualites/`) and contents.
 *
 * @example
 * for (const { name, text } of generateArticles(2000)) await writeFile(join(dir, '_actualites', name), text);
 */
export function generateArticles(count: number, seed = 20230118): Array<{ name: string; text: string }> {
  const random = createRandom(seed);
  return Array.from({ length: count }, (_, i) => articleFile(random, i + 1));
}
