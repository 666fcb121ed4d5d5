import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type MailContent, renderMail } from '../../../../adapters/mail/index.js';
import { renderPersonal } from './templates.js';

const content = (name: string, url: string): MailContent => ({
  preheader: 'Nous vous attendons le 18 janvier.',
  title: 'Votre inscription est confirmée',
  paragraphs: [`Bonjour ${name},`, 'Votre inscription à « Journée N&T » est confirmée.', 'Ligne 1\nLigne 2'],
  action: { label: 'Gérer mon inscription', url },
  footer: 'Vous recevez ce message parce qu’une inscription a été faite avec cette adresse.',
});

test('a filled-in rendering is the very string renderMail gives, whatever the name and link hold', () => {
  const names = [
    'Camille',
    'Zoé-Anne',
    'O’Brien',
    '<script>alert("x")</script>',
    "L'Hôte & Fils",
    'a, b',
    ' ',
    '',
  ];
  const urls = [
    'http://localhost:3000/inscriptions/abc_DEF-123',
    'https://exemple.gouv.fr/inscriptions/x?a=1&b="2"',
    "https://exemple.gouv.fr/<i>'",
  ];
  for (const name of names) {
    for (const url of urls) {
      assert.deepEqual(renderPersonal(content(name, url)), renderMail(content(name, url)), `${name} ${url}`);
    }
  }
});

test('what a kept rendering cannot hold is rendered in full, and a bad link still refused', () => {
  const twoLines = content('Anne\nMarie', 'https://exemple.gouv.fr/i/1');
  assert.deepEqual(renderPersonal(twoLines), renderMail(twoLines));
  assert.match(renderPersonal(twoLines).html, /Anne<br\/?>Marie/);
  const noGreeting = { ...content('Anne', 'https://exemple.gouv.fr/i/1'), paragraphs: ['Madame,'] };
  assert.deepEqual(renderPersonal(noGreeting), renderMail(noGreeting));
  assert.throws(() => renderPersonal(content('Anne', 'javascript:alert(1)')), /adresse web/);
});

test('two people get their own name and link, never the other’s', () => {
  const a = renderPersonal(content('Alice', 'https://exemple.gouv.fr/inscriptions/a'));
  const b = renderPersonal(content('Bruno', 'https://exemple.gouv.fr/inscriptions/b'));
  assert.match(b.html, /Bonjour Bruno,/);
  assert.doesNotMatch(b.html, /Alice|inscriptions\/a"/);
  assert.match(a.text, /Bonjour Alice,[\s\S]*inscriptions\/a\n/);
});
