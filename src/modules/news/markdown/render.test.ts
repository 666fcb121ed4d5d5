import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { readFrontMatter } from './front-matter.js';
import { slugify } from './headings.js';
import { parseIal } from './kramdown-ial.js';
import { renderBody, renderInline, renderMarkdown, toPlainText } from './render.js';
import { normalizeHref, safeHref } from './urls.js';

/** Rendered HTML without the newlines the serializer puts between blocks. */
const html = (markdown: string, options?: Parameters<typeof renderMarkdown>[1]) =>
  renderMarkdown(markdown, options).replace(/\n/g, '');

const QUOTE =
  '<figure class="fr-quote"><blockquote><p>Le numérique, c’est l’affaire de tous.</p></blockquote></figure>';

describe('kramdown block IAL', () => {
  test('{: .citation} after a paragraph makes a DSFR quote', () => {
    assert.equal(html('Le numérique, c’est l’affaire de tous.\n{: .citation}'), QUOTE);
  });

  test('{:.citation} without a space works too', () => {
    assert.equal(html('Le numérique, c’est l’affaire de tous.\n{:.citation}'), QUOTE);
  });

  test('on a blockquote, the blockquote itself becomes the quote', () => {
    assert.equal(html('> Le numérique, c’est l’affaire de tous.\n{: .citation}'), QUOTE);
  });

  test('separated by a blank line, an IAL applies to the next block', () => {
    assert.equal(
      html('Avant\n\n{: .citation}\nLe numérique, c’est l’affaire de tous.'),
      `<p>Avant</p>${QUOTE}`,
    );
  });

  test('unknown classes are dropped, DSFR ones kept, and the IAL never shows', () => {
    assert.equal(html('Chapeau\n{: .intro .fr-text--lead}'), '<p class="fr-text--lead">Chapeau</p>');
    assert.equal(html('Texte\n{: .mystere}'), '<p>Texte</p>');
    assert.equal(html('## Titre\n{: .mystere}'), '<h2 id="titre">Titre</h2>');
    // Right under the heading, the IAL is the heading's (and h2 takes no class), not the paragraph's.
    assert.equal(html('## Titre\n{: .fr-text--lead}\nTexte'), '<h2 id="titre">Titre</h2><p>Texte</p>');
    assert.equal(html('{: .fr-text--lead}\nTexte'), '<p class="fr-text--lead">Texte</p>');
    assert.equal(html('texte {: .x} suite'), '<p>texte  suite</p>');
  });

  test('an IAL after a table applies to the table instead of becoming a row', () => {
    const out = html('| a | b |\n|---|---|\n| 1 | 2 |\n{: .mystere}');
    assert.equal(out.match(/<tr>/g)?.length, 2);
    assert.doesNotMatch(out, /\{:/);
  });

  test('kramdown comments and the {:toc} placeholder disappear', () => {
    assert.equal(html('A{::comment}note interne{:/comment}B'), '<p>AB</p>');
    assert.equal(html('* TOC\n{:toc}\n\nTexte'), '<p>Texte</p>');
  });

  test('parseIal keeps only attributes we vouch for', () => {
    assert.deepEqual(parseIal(' .citation #intro target=“_blank” onclick="x" style="y" title=\'Voir\''), {
      classes: ['citation'],
      id: 'intro',
      attributes: { target: '_blank', title: 'Voir' },
      refs: [],
    });
  });
});

describe('links', () => {
  test('span IAL {:target="_blank"} opens a new window the DSFR way', () => {
    assert.equal(
      html('[texte](https://x.fr){:target="_blank"}'),
      '<p><a href="https://x.fr" target="_blank" rel="noopener noreferrer" title="texte - nouvelle fenêtre">texte</a></p>',
    );
    // Typed in a word processor: curly quotes.
    assert.match(
      html('[texte](/a){:target=”_blank”} suite'),
      /<a href="\/a" target="_blank"[^>]*>texte<\/a> suite/,
    );
  });

  test('external links get rel and a screen-reader hint; site hosts and relative links do not', () => {
    assert.equal(
      html('[TNT](https://www.numerique.gouv.fr/services/tnt/)'),
      '<p><a href="https://www.numerique.gouv.fr/services/tnt/" rel="noopener noreferrer">TNT' +
        '<span class="fr-sr-only"> (lien externe)</span></a></p>',
    );
    assert.equal(
      html('[A](https://nt.gouv.fr/a)', { siteHosts: ['nt.gouv.fr'] }),
      '<p><a href="https://nt.gouv.fr/a">A</a></p>',
    );
    assert.equal(html('[A](/agenda/)'), '<p><a href="/agenda/">A</a></p>');
  });

  test('a bare e-mail target becomes mailto:, a bare domain https://', () => {
    assert.equal(
      html('[Accréditation](floriane.beaudron@modernisation.gouv.fr)'),
      '<p><a href="mailto:floriane.beaudron@modernisation.gouv.fr">Accréditation</a></p>',
    );
    assert.match(html('[site](www.x.fr/page)'), /href="https:\/\/www\.x\.fr\/page"/);
    assert.equal(normalizeHref('rapport.pdf'), 'rapport.pdf');
    assert.equal(safeHref('javascript:alert(1)'), null);
  });
});

describe('Markdown and HTML', () => {
  test('raw HTML is kept when harmless, <br> included, style and handlers dropped', () => {
    assert.equal(
      html('Ligne<br>suivante <span style="color:red" onclick="x()">mot</span>'),
      '<p>Ligne<br>suivante <span>mot</span></p>',
    );
    assert.equal(
      html('<div class="fr-highlight">\n\nMis en **exergue**\n\n</div>'),
      '<div class="fr-highlight"><p>Mis en <strong>exergue</strong></p></div>',
    );
  });

  test('escaped brackets render as literal brackets', () => {
    assert.equal(html('Voir \\[…\\] et \\[1\\]'), '<p>Voir […] et [1]</p>');
  });

  test('UTF-8 emoji are kept (shortcodes are not converted)', () => {
    assert.equal(html('Bravo 🎉 :tada:'), '<p>Bravo 🎉 :tada:</p>');
  });

  test('headings move so the highest is h2 under the page’s h1, capped at h6, with stable unique ids', () => {
    assert.equal(
      html('# L’État présente\n## Au programme\n# L’État présente\n###### Fin'),
      '<h2 id="l-etat-presente">L’État présente</h2><h3 id="au-programme">Au programme</h3>' +
        '<h2 id="l-etat-presente-1">L’État présente</h2><h6 id="fin">Fin</h6>',
    );
    // A body that starts at ## or ### does not skip a level below the title either.
    assert.equal(
      html('## Gouvernance\n### Comités'),
      '<h2 id="gouvernance">Gouvernance</h2><h3 id="comites">Comités</h3>',
    );
    assert.equal(html('### Seul'), '<h2 id="seul">Seul</h2>');
    assert.equal(html('# Titre {#mon-ancre}', { topHeadingLevel: 1 }), '<h1 id="mon-ancre">Titre</h1>');
    assert.equal(html('<h1>Brut</h1>', { topHeadingLevel: 3 }), '<h3 id="brut">Brut</h3>');
    assert.equal(slugify('2023 en chiffres'), 'titre-2023-en-chiffres');
  });

  test('tables are wrapped in the DSFR table container', () => {
    assert.equal(
      html('| Axe | Montant |\n|---|---|\n| 1 | 30 M€ |'),
      '<div class="fr-table"><table><thead><tr><th>Axe</th><th>Montant</th></tr></thead>' +
        '<tbody><tr><td>1</td><td>30 M€</td></tr></tbody></table></div>',
    );
  });

  test('images keep their alt; an image without alt gets alt=""', () => {
    assert.equal(html('![Logo DINUM](/logo.png)'), '<p><img src="/logo.png" alt="Logo DINUM"></p>');
    assert.equal(
      html('![](/deco.png) <img src="/b.png">'),
      '<p><img src="/deco.png" alt=""> <img src="/b.png" alt=""></p>',
    );
  });
});

describe('renderInline and toPlainText', () => {
  test('renderInline has no block wrapper and joins paragraphs with <br>', () => {
    assert.equal(renderInline('Le **fonds** TNT'), 'Le <strong>fonds</strong> TNT');
    assert.equal(renderInline('Un\n\nDeux').replace(/\n/g, ''), 'Un<br>Deux');
  });

  test('toPlainText drops markup, IALs and hints, and collapses whitespace', () => {
    assert.equal(
      toPlainText(
        '# Titre\n\n**Afin** de [présenter](https://x.fr){:target="_blank"}\n{: .citation}\n\n- un\n- deux',
      ),
      'Titre Afin de présenter un deux',
    );
    assert.equal(toPlainText('[TNT](https://x.fr) <script>alert(1)</script>'), 'TNT');
  });
});

test('the seed release body renders as expected', () => {
  const read = readFrontMatter(
    readFileSync('/work/shared/seed/journee-numerique-et-territoires-france-relance.md', 'utf8'),
  );
  assert.ok(read.ok);
  const out = renderMarkdown(read.body);
  assert.match(out, /^<p><strong>Afin de présenter/);
  assert.match(
    out,
    /\(inscription obligatoire\)\s*<br><a href="mailto:floriane\.beaudron@modernisation\.gouv\.fr">/,
  );
  assert.match(out, /<em>Cet événement est organisé/);
  assert.equal(out.match(/fr-sr-only/g)?.length, 2);
});

describe('renderBody', () => {
  test('gives the same HTML and text as rendering and extracting separately', () => {
    const md =
      '# Titre\n\nTexte **gras** et [lien](https://x.fr){:target="_blank"}.\n\nCitation\n{: .citation}';
    assert.deepEqual(renderBody(md), { html: renderMarkdown(md), text: toPlainText(md) });
  });
});
