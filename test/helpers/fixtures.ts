import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { article, markdownFile } from './platform.js';

/** The programme's real release, exactly as published (the seed of this project). */
export const SEED_RELEASE = readFileSync(
  fileURLToPath(
    new URL(
      '../../content/demo/_communiques/journee-numerique-et-territoires-france-relance.md',
      import.meta.url,
    ),
  ),
  'utf8',
);
export const SEED_PATH = '/espace-presse/journee-numerique-et-territoires-france-relance/';

/** A 1×1 PNG, for upload tests. */
export const PIXEL_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

/**
 * A content folder with the quirks of the real site: the seed release, 25 actualités over two tags, a draft,
 * an event, a page of the programme, an image and a file in uploads, and one broken file.
 */
export function publicationFixture(): Record<string, string | Buffer> {
  const files: Record<string, string | Buffer> = {
    '_communiques/journee-numerique-et-territoires-france-relance.md': SEED_RELEASE,
    '_communiques/avec-image.md': markdownFile(
      article('Communiqué illustré', '2022-06-01 10:00:00 +02:00', [
        'categories: [Communiqué de presse]',
        'une-ou-diaporama:',
        '- image: /uploads/pixel.png',
        '  alternative-textuelle: Un point bleu',
        'files:',
        '- nom: Le dossier',
        '  file: /uploads/dossier.pdf',
        'contact-presse:',
        '  name: Service presse',
        '  tel: 01 23 45 67 89',
        '  email: presse@example.gouv.fr',
      ]),
      'Texte **illustré**.',
    ),
    '_actualites/brouillon.md': markdownFile(
      article('Brouillon secret', '2022-12-01 10:00:00 +01:00', ['published: false']),
      'Mot introuvable : zygomorphe.',
    ),
    '_actualites/casse.md': '---\ntitle: [oups\ndate: 2022-01-01\n---\nCorps',
    '_evenements/journee.md': markdownFile(
      article('Journée Numérique & Territoires', '2023-01-05 10:00:00 +01:00', [
        'event_start_date: 2023-01-18 09:00:00 +01:00',
        'event_end_date: 2023-01-18 16:30:00 +01:00',
        'lieu: DINUM',
        'adresse: 20 avenue de Ségur, 75007 Paris',
        'champs_informations:',
        '- intitule: Inscription',
        '  contenu: Obligatoire',
      ]),
    ),
    '_tnt/presentation.md': markdownFile(
      [
        'title: Présentation du programme',
        'permalink: /programme-tnt/presentation/',
        'menu:',
        '  title: Présentation',
        '  weight: 1',
      ],
      'Le programme en bref.',
    ),
    'uploads/pixel.png': PIXEL_PNG,
    'uploads/dossier.pdf': Buffer.from('%PDF-1.4\n%test\n'),
    '_data/menu.yml': '- title: Accueil\n',
  };
  for (let i = 1; i <= 25; i++) {
    const day = String(i).padStart(2, '0');
    files[`_actualites/actu-${day}.md`] = markdownFile(
      article(`Actualité ${day}`, `2022-03-${day} 10:00:00 +01:00`, [
        'categories:',
        `- ${i % 5 === 0 ? 'Événement' : 'Actualité'}`,
        'tags:',
        `- ${i % 2 === 0 ? 'Données' : 'Mutualisation'}`,
      ]),
      `Les territoires partagent leurs projets numériques (${day}).`,
    );
  }
  return files;
}
