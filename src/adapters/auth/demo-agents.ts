import { createHash } from 'node:crypto';

/**
 * A public agent the local ProConnect can log in as, with the claims ProConnect would send
 * (`sub given_name usual_name email uid siret idp_id`). `organisationLabel` is only shown on the local
 * provider's page; the platform names organisations from the SIREN, never from this label.
 */
export interface DemoAgent {
  sub: string;
  givenName: string;
  usualName: string;
  email: string;
  uid: string;
  siret: string;
  idpId: string;
  organisationLabel: string;
}

/**
 * The identity provider the demo agents come from. ProConnect sends the UUID of the provider (ProConnect
 * Identité, a ministry's own…) that authenticated the agent; this one is made up and recognisable.
 */
export const DEMO_IDP_ID = '00000000-0000-4000-8000-00000000de00';

/**
 * ProConnect subjects are opaque 64-hex-digit strings. Deriving them from the e-mail keeps them stable across
 * restarts, so an agent created in the database on one run is found again on the next.
 */
function demoSub(email: string): string {
  return createHash('sha256').update(`demonstration:${email}`).digest('hex');
}

function agent(fields: Omit<DemoAgent, 'sub' | 'idpId'>): DemoAgent {
  return { sub: demoSub(fields.email), idpId: DEMO_IDP_ID, ...fields };
}

/**
 * The agents offered by the local ProConnect in development and tests. Names and e-mails are invented
 * (`example.*` domains cannot receive mail); SIRENs are real where the body is a collectivité, so that the
 * first login attaches the agent to the right organisation from the COG:
 * - commune de Grenoble, SIREN 213 801 855 (COG 2026, commune 38185), NIC 00015;
 * - Grenoble-Alpes-Métropole, SIREN 200 040 715 (EPCI), NIC 00019;
 * - Département de l’Isère, SIREN 223 800 012, NIC 00013;
 * - DINUM, SIRET 130 025 265 00013, the usual ProConnect test fixture;
 * - Gironde Numérique: a DEMONSTRATION SIREN (200 000 008, Luhn-valid, in no COG table), as structures de
 *   mutualisation are not in the COG and are created when first met;
 * - one agent whose SIRET fails the Luhn check, to exercise the "SIRET invalide" page.
 * Every other SIRET passes the Luhn check (tested).
 *
 * @example
 * createFakeProConnect({ issuer, client, agents: DEMO_AGENTS });
 */
export const DEMO_AGENTS: readonly DemoAgent[] = [
  agent({
    givenName: 'Camille',
    usualName: 'Rousset',
    email: 'camille.rousset@grenoble.example.fr',
    uid: 'demo-1',
    siret: '21380185500015',
    organisationLabel: 'Ville de Grenoble (démonstration)',
  }),
  agent({
    givenName: 'Karim',
    usualName: 'Benali',
    email: 'karim.benali@grenoblealpesmetropole.example.fr',
    uid: 'demo-2',
    siret: '20004071500019',
    organisationLabel: 'Grenoble-Alpes-Métropole (démonstration)',
  }),
  agent({
    givenName: 'Sophie',
    usualName: 'Garnier',
    email: 'sophie.garnier@isere.example.fr',
    uid: 'demo-3',
    siret: '22380001200013',
    organisationLabel: 'Département de l’Isère (démonstration)',
  }),
  agent({
    givenName: 'Léa',
    usualName: 'Moreau',
    email: 'lea.moreau@numerique.example.gouv.fr',
    uid: 'demo-4',
    siret: '13002526500013',
    organisationLabel: 'Direction interministérielle du numérique — DINUM (démonstration)',
  }),
  agent({
    givenName: 'Thomas',
    usualName: 'Lacoste',
    email: 'thomas.lacoste@girondenumerique.example.fr',
    uid: 'demo-5',
    siret: '20000000800017',
    organisationLabel: 'Gironde Numérique, structure de mutualisation (démonstration, SIREN fictif)',
  }),
  agent({
    givenName: 'Julien',
    usualName: 'Mercier',
    email: 'julien.mercier@bordeaux.example.fr',
    uid: 'demo-6',
    // Bordeaux's SIREN (213 300 635) with a NIC that breaks the Luhn check: the valid one would be 00017.
    siret: '21330063500012',
    organisationLabel: 'SIRET invalide : clé de contrôle fausse (démonstration)',
  }),
];
