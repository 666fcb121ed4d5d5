import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { renderMail } from './render-mail.js';

const base = {
  title: 'Votre inscription est confirmée',
  paragraphs: ['Bonjour Camille,', 'Nous vous attendons le 12 mars à Lyon.'],
};

describe('renderMail', () => {
  test('writes a French HTML document whose layout tables are presentational', () => {
    const { html } = renderMail(base);
    assert.match(html, /^<!DOCTYPE html><html lang="fr"/);
    assert.match(html, /<title>Votre inscription est confirmée<\/title>/);
    assert.equal(html.match(/<h1[ >]/g)?.length, 1);
    const tables = html.match(/<table[^>]*>/g) ?? [];
    assert.ok(tables.length > 0);
    for (const t of tables) assert.match(t, /role="presentation"/);
    assert.doesNotMatch(html, /<img/);
  });

  test('names the State and the platform in the header of both parts', () => {
    const { html, text } = renderMail(base);
    assert.match(html, /République française/);
    assert.match(html, /Numérique &amp; Territoires/);
    assert.match(text, /^République française\nNumérique & Territoires\n/);
  });

  test('escapes every value, so that typed text never becomes markup', () => {
    const evil = '<script>alert(1)</script> & "guillemets"';
    const { html } = renderMail({
      preheader: evil,
      title: evil,
      paragraphs: [evil],
      action: { label: evil, url: 'https://exemple.fr/?a=1&b="2"' },
      footer: evil,
    });
    assert.doesNotMatch(html, /<script/);
    assert.doesNotMatch(html, /"guillemets"/);
    assert.match(html, /&lt;script&gt;alert\(1\)&lt;\/script&gt; &amp;/);
    assert.match(html, /href="https:\/\/exemple\.fr\/\?a=1&amp;b=&quot;2&quot;"/);
  });

  test('keeps line breaks inside a paragraph and one paragraph per entry', () => {
    const { html, text } = renderMail({ ...base, paragraphs: ['Ligne 1\r\nLigne 2', 'Suite'] });
    assert.match(html, /<p[^>]*>Ligne 1<br\/>Ligne 2<\/p>/);
    assert.match(text, /\n\nLigne 1\nLigne 2\n\nSuite\n\n/);
  });

  test('shows the action as a link whose text is its label, and writes its address out', () => {
    const action = { label: 'Voir mon inscription', url: 'https://nt.example/inscriptions/42' };
    const { html, text } = renderMail({ ...base, action });
    assert.match(html, /<a href="https:\/\/nt\.example\/inscriptions\/42"[^>]*>Voir mon inscription<\/a>/);
    assert.match(html, />https:\/\/nt\.example\/inscriptions\/42<\/a>/);
    assert.match(text, /Voir mon inscription :\nhttps:\/\/nt\.example\/inscriptions\/42/);
  });

  test('refuses an action that is not a web address', () => {
    for (const url of ['javascript:alert(1)', 'data:text/html,x', 'pas une adresse']) {
      assert.throws(() => renderMail({ ...base, action: { label: 'Voir', url } }), /adresse/);
    }
  });

  test('hides the preheader in the message and leaves it out of the text part', () => {
    const { html, text } = renderMail({ ...base, preheader: 'Rendez-vous le 12 mars' });
    assert.match(html, /<div style="display:none;[^"]*">Rendez-vous le 12 mars/);
    assert.doesNotMatch(text, /Rendez-vous le 12 mars/);
  });

  test('ends with the given footer, or a neutral line about the platform', () => {
    assert.match(renderMail({ ...base, footer: 'Pied sur mesure' }).text, /\n-- \nPied sur mesure\n$/);
    assert.match(renderMail(base).text, /\n-- \nCe message vous est adressé par la plateforme/);
  });
});
