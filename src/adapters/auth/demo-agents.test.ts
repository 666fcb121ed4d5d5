import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { test } from 'node:test';
import { DEMO_AGENTS } from './demo-agents.js';

const require = createRequire(import.meta.url);
const communes = require('@etalab/decoupage-administratif/data/communes.json') as Array<{ siren?: string }>;
const epci = require('@etalab/decoupage-administratif/data/epci.json') as Array<{ code: string }>;

/** The Luhn check INSEE uses for SIREN and SIRET (written here again so the test does not trust the code). */
function luhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return sum % 10 === 0;
}

const [invalid, ...valid] = [...DEMO_AGENTS].sort((a, b) => Number(luhn(a.siret)) - Number(luhn(b.siret)));

test('exactly one demo agent has a SIRET with a bad checksum, and it says so', () => {
  assert.ok(invalid && !luhn(invalid.siret));
  assert.match(invalid.organisationLabel, /SIRET invalide/);
  for (const agent of valid) {
    assert.ok(/^\d{14}$/.test(agent.siret) && luhn(agent.siret), agent.siret);
    assert.ok(luhn(agent.siret.slice(0, 9)), `SIREN ${agent.siret.slice(0, 9)}`);
  }
});

test('the collectivités’ SIRENs are real ones from the COG', () => {
  const sirens = new Set([...communes.map((c) => c.siren), ...epci.map((e) => e.code)]);
  assert.ok(sirens.has('213801855'), 'commune de Grenoble');
  assert.ok(sirens.has('200040715'), 'Grenoble-Alpes-Métropole');
  const found = DEMO_AGENTS.filter((agent) => sirens.has(agent.siret.slice(0, 9)));
  assert.deepEqual(
    found.map((a) => a.siret.slice(0, 9)),
    ['213801855', '200040715', '213300635'],
  );
});

test('demo agents are unmistakably fictitious and distinct', () => {
  assert.equal(new Set(DEMO_AGENTS.map((a) => a.sub)).size, DEMO_AGENTS.length);
  assert.equal(new Set(DEMO_AGENTS.map((a) => a.email)).size, DEMO_AGENTS.length);
  for (const agent of DEMO_AGENTS) {
    assert.match(agent.email, /@([a-z-]+\.)*example\.(fr|gouv\.fr)$/);
    assert.match(agent.organisationLabel, /démonstration/);
    assert.match(agent.sub, /^[0-9a-f]{64}$/);
  }
});
