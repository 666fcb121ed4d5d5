/**
 * The programme of the Journée Numérique & Territoires of Wednesday 18 January 2023, as DOMAIN.md records it:
 * times, rooms, kinds and speakers by function (no personal names). What the sources do not say is invented
 * and the whole event is marked as demonstration: the exact end of the opening and of the committee, the
 * breaks, the split of the forum's stands between its two rooms, the committee's room.
 */
import type { SessionKind, Speaker } from '../events.domain.js';

export type RoomKey = 'auditorium' | 'mezzanine' | 'monnet';

export const ROOMS: Array<{ key: RoomKey; name: string; capacity: number | null }> = [
  { key: 'auditorium', name: 'Auditorium Marceau Long', capacity: 250 },
  { key: 'mezzanine', name: 'Mezzanine Ségur', capacity: null },
  { key: 'monnet', name: 'Salle Jean Monnet', capacity: null },
];

export interface DemoSession {
  key: string;
  start: string;
  end: string;
  room: RoomKey | null;
  kind: SessionKind;
  title: string;
  description: string;
  closed?: boolean;
  speakers: Speaker[];
}

const dinum = (name: string, role = ''): Speaker => ({ name, role, organisation: 'DINUM' });

export const SESSIONS: DemoSession[] = [
  {
    key: 'accueil-cafe',
    start: '09:00',
    end: '09:20',
    room: 'mezzanine',
    kind: 'accueil',
    title: 'Accueil café',
    description: 'Accueil des participants et remise des badges.',
    speakers: [],
  },
  {
    key: 'ouverture',
    start: '09:20',
    end: '09:35',
    room: 'auditorium',
    kind: 'intervention',
    title: 'Ouverture de la journée',
    description: 'Retransmis en vidéo.',
    speakers: [dinum('Directeur de la DINUM', 'ouverture')],
  },
  {
    key: 'pleniere-1',
    start: '09:35',
    end: '10:45',
    room: 'auditorium',
    kind: 'pleniere',
    title: 'Plénière 1 — Le fonds : quels résultats deux ans après ?',
    description:
      'L’axe 1 par l’Incubateur des territoires, avec les présentations de lauréats : le Département de l’Isère (« Salle sur demande ») et Gironde Numérique (« Signature électronique » et « Multicanal »).\n\nLes appels à projets de la DINUM et le guichet « FranceConnect et API », avec la présentation de Mégalis Bretagne (« collec-data »).\n\nLes guichets territoriaux, par la DITP.',
    speakers: [
      { name: 'Incubateur des territoires', role: 'axe 1 du fonds', organisation: 'ANCT' },
      {
        name: 'Département de l’Isère',
        role: 'lauréat, « Salle sur demande »',
        organisation: 'Département de l’Isère',
      },
      {
        name: 'Gironde Numérique',
        role: 'lauréat, « Signature électronique » et « Multicanal »',
        organisation: 'Gironde Numérique',
      },
      dinum('Équipe du fonds à la DINUM', 'axe 2 et guichet « FranceConnect et API »'),
      { name: 'Mégalis Bretagne', role: 'lauréat, « collec-data »', organisation: 'Mégalis Bretagne' },
      { name: 'DITP', role: 'axe 3, guichets territoriaux', organisation: 'DITP' },
    ],
  },
  {
    key: 'pause-matin',
    start: '10:45',
    end: '11:00',
    room: 'mezzanine',
    kind: 'pause',
    title: 'Pause',
    description: '',
    speakers: [],
  },
  {
    key: 'ditp',
    start: '11:00',
    end: '11:15',
    room: 'auditorium',
    kind: 'intervention',
    title: 'Intervention de la DITP',
    description: '',
    speakers: [
      { name: 'Délégué interministériel à la transformation publique', role: '', organisation: 'DITP' },
    ],
  },
  {
    key: 'table-ronde',
    start: '11:15',
    end: '12:45',
    room: 'auditorium',
    kind: 'table-ronde',
    title:
      'Plénière 2 — Table ronde : comment accélérer la mutualisation des produits et services numériques entre acteurs publics ?',
    description: 'Avec une facilitation graphique en direct.',
    speakers: [
      { name: 'Incubateur des territoires', role: '', organisation: 'ANCT' },
      { name: 'Eurométropole de Strasbourg', role: '', organisation: 'Eurométropole de Strasbourg' },
      { name: 'Déclic', role: 'association d’élus', organisation: 'Déclic' },
      dinum('Mission Logiciels libres', 'logiciels libres'),
      { name: 'ADULLACT', role: 'logiciels libres des collectivités', organisation: 'ADULLACT' },
      { name: 'Laboratoires d’innovation', role: '', organisation: 'DITP' },
    ],
  },
  {
    key: 'dejeuner',
    start: '12:45',
    end: '14:00',
    room: null,
    kind: 'pause',
    title: 'Déjeuner libre',
    description: '',
    speakers: [],
  },
  {
    key: 'anct',
    start: '14:00',
    end: '14:15',
    room: 'auditorium',
    kind: 'intervention',
    title: 'Intervention du directeur général de l’ANCT',
    description: '',
    speakers: [{ name: 'Directeur général de l’ANCT', role: '', organisation: 'ANCT' }],
  },
  {
    key: 'anssi',
    start: '14:15',
    end: '14:30',
    room: 'auditorium',
    kind: 'intervention',
    title: 'Cybersécurité : le volet de France Relance',
    description: '',
    speakers: [{ name: 'ANSSI', role: 'cybersécurité', organisation: 'ANSSI' }],
  },
  {
    key: 'dinum',
    start: '14:30',
    end: '14:45',
    room: 'auditorium',
    kind: 'intervention',
    title: 'Intervention du directeur de la DINUM',
    description: '',
    speakers: [dinum('Directeur de la DINUM')],
  },
  {
    key: 'ministre',
    start: '14:45',
    end: '15:00',
    room: 'auditorium',
    kind: 'intervention',
    title: 'Intervention du ministre, devant les lauréats',
    description: '',
    speakers: [
      {
        name: 'Ministre de la Transformation et de la Fonction publiques',
        role: '',
        organisation: 'Gouvernement',
      },
    ],
  },
  {
    key: 'comite-politique',
    start: '15:00',
    end: '16:30',
    room: 'auditorium',
    kind: 'comite-ferme',
    closed: true,
    title: 'Comité d’orientation politique du programme',
    description:
      'Avec les associations d’élus : AMF, ADF, Intercommunalités de France, France urbaine, Villes de France, AMRF, APVF, Déclic, FNCCR, Les Interconnectés, Avicca. Sur invitation, sans retransmission.',
    speakers: [
      {
        name: 'Ministre de la Transformation et de la Fonction publiques',
        role: '',
        organisation: 'Gouvernement',
      },
      { name: 'Ministre chargé de la Cohésion des territoires', role: '', organisation: 'Gouvernement' },
    ],
  },
  {
    key: 'forum-mezzanine',
    start: '15:00',
    end: '16:30',
    room: 'mezzanine',
    kind: 'forum',
    title: 'Forum — espace de rencontres (Mezzanine Ségur)',
    description:
      'Stands : Incubateur des territoires (ANCT) ; Mission Cloud ; MiNumEco (écoconception) ; Mission Label et Catalogue GouvTech ; design et accessibilité ; « Dites-le nous une fois » et API.',
    speakers: [],
  },
  {
    key: 'forum-jean-monnet',
    start: '15:00',
    end: '16:30',
    room: 'monnet',
    kind: 'forum',
    title: 'Forum — espace de rencontres (Salle Jean Monnet)',
    description:
      'Stands : FranceConnect ; Démarches Simplifiées (avec l’ADULLACT) ; laboratoires de la DITP, pôle territoires et FTAP ; Mission Logiciels libres ; beta.gouv.',
    speakers: [],
  },
];

/** Invited to the closed committee: the demonstration DINUM agent of the local ProConnect, to try it. */
export const COMMITTEE_INVITEES = ['lea.moreau@numerique.example.gouv.fr'];

export const SUMMARY =
  'La journée des lauréats du fonds « Transformation numérique des collectivités territoriales » (France Relance) et du programme Transformation numérique des territoires : les résultats du fonds deux ans après, la mutualisation des services numériques entre acteurs publics, un forum pour rencontrer les équipes.';

export const AUDIENCE =
  'Agents et élus des collectivités territoriales, structures de mutualisation, services déconcentrés de l’État, SGAR, chargés de transformation numérique.';
