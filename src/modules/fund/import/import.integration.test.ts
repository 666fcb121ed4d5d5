import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { COMMAND_LINE_ACTOR } from '../admin/audit.js';
import { FULL_SCOPE, scopeOf } from '../admin/permissions.js';
import { csvFile, goodLine, type Row, SIREN, SIRET, xlsxFile } from '../testing/files.js';
import { type FundTestPlatform, fundTestPlatform } from '../testing/fund-platform.js';
import { IMPORT_COLUMNS } from './columns.js';
import type { ImportIssue } from './report.js';

const nnbsp = '\u202f';
const COLUMNS = IMPORT_COLUMNS.map((c) => c.name);

describe('Lauréats import', () => {
  let t: FundTestPlatform;
  before(async () => {
    t = await fundTestPlatform('sqlite');
  });
  after(() => t.close());

  const plan = (bytes: Uint8Array, name = 'laureats.csv', scope = FULL_SCOPE) =>
    t.fund.service.planImport(bytes, name, scope);
  const count = () => t.fund.repo.countLaureats();
  const issue = (line: number | null, column: string | null, value: string, reason: string): ImportIssue => ({
    line,
    column,
    value,
    reason,
  });

  test('a bad file is refused whole, once, with its reason', async () => {
    const header = Buffer.from(`${COLUMNS.join(';')}\n`);
    const cases: Array<[string, Uint8Array, ImportIssue[]]> = [
      ['empty', Buffer.alloc(0), [issue(null, null, '', 'fichier vide')]],
      ['header only', header, [issue(null, null, '', 'fichier vide : aucune ligne après l’en-tête')]],
      [
        'an image',
        Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]),
        [issue(null, null, '', 'format non reconnu : envoyez un fichier CSV (UTF-8) ou XLSX')],
      ],
      [
        'an Excel 97 workbook',
        Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
        [
          issue(
            null,
            null,
            '',
            'format non reconnu : enregistrez le classeur Excel 97-2003 (.xls) au format XLSX ou CSV',
          ),
        ],
      ],
      [
        'a zip that is no workbook',
        Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6]),
        [issue(null, null, '', 'format non reconnu : ce classeur XLSX est illisible')],
      ],
      [
        'a text without our header',
        Buffer.from('Bonjour,\nvoici la liste demandée.\n'),
        [
          issue(
            1,
            null,
            '',
            'format non reconnu : la première ligne doit nommer les colonnes (dispositif, idBeneficiaire, objet, montant, dateConvention…)',
          ),
        ],
      ],
      [
        'a required column missing',
        csvFile([goodLine()], { columns: COLUMNS.filter((c) => c !== 'montant') }),
        [issue(1, 'montant', '', 'colonne obligatoire absente : montant')],
      ],
      [
        'two required columns missing',
        csvFile([goodLine()], { columns: COLUMNS.filter((c) => c !== 'montant' && c !== 'objet') }),
        [
          issue(1, 'objet', '', 'colonne obligatoire absente : objet'),
          issue(1, 'montant', '', 'colonne obligatoire absente : montant'),
        ],
      ],
      [
        'a column given twice',
        Buffer.from(`${COLUMNS.join(';')};SIREN\n${COLUMNS.map(() => 'x').join(';')};x\n`),
        [issue(1, 'idBeneficiaire', '', 'colonne en double : idBeneficiaire')],
      ],
      [
        'too large',
        Buffer.alloc(51 * 1024 * 1024, 0x61),
        [issue(null, null, '', 'fichier trop volumineux : 51 Mo, la limite est de 50 Mo')],
      ],
      [
        'too long',
        Buffer.concat([header, Buffer.from('x\n'.repeat(200_001))]),
        [issue(null, null, '', `fichier trop long : 200${nnbsp}001 lignes, la limite est de 200${nnbsp}000`)],
      ],
      [
        'a quote never closed',
        Buffer.from(`${COLUMNS.join(';')}\naxe-2;"jamais fermé\n`),
        [issue(2, null, '', 'guillemet non refermé : ce champ entre guillemets ne se termine jamais')],
      ],
    ];
    for (const [name, bytes, expected] of cases) {
      const { report, writes } = await plan(bytes);
      assert.deepEqual(report.rejected, expected, name);
      assert.equal(writes.length, 0, name);
    }
  });

  test('each bad value is reported with its line, column, value and reason, and the good lines still counted', async () => {
    const cases: Array<[Row, Array<[string, string, string]>]> = [
      [{ idBeneficiaire: '123456789' }, [['idBeneficiaire', '123456789', 'SIREN inconnu ou invalide']]],
      [
        { idBeneficiaire: '2000407150001' },
        [['idBeneficiaire', '2000407150001', 'SIREN inconnu ou invalide']],
      ],
      [
        { idBeneficiaire: SIREN.unknown, nomBeneficiaire: '' },
        [
          [
            'idBeneficiaire',
            SIREN.unknown,
            'SIREN inconnu ou invalide : organisme absent du référentiel, indiquez son nom dans nomBeneficiaire',
          ],
        ],
      ],
      [{ montant: 'douze' }, [['montant', 'douze', 'montant n’est pas un nombre']]],
      [{ montant: '12,500.50' }, [['montant', '12,500.50', 'montant n’est pas un nombre']]],
      [{ montant: '-5' }, [['montant', '-5', 'montant ne peut pas être négatif']]],
      [{ montant: '' }, [['montant', '', 'montant manquant']]],
      [{ coutTotal: 'beaucoup' }, [['coutTotal', 'beaucoup', 'coutTotal n’est pas un nombre']]],
      [{ dateConvention: '31/02/2022' }, [['dateConvention', '31/02/2022', 'date impossible : 31/02/2022']]],
      [{ dateDepot: '2021-13-01' }, [['dateDepot', '2021-13-01', 'date impossible : 2021-13-01']]],
      [
        { dateConvention: 'janvier 2022' },
        [
          [
            'dateConvention',
            'janvier 2022',
            'date illisible : janvier 2022 (attendue sous la forme AAAA-MM-JJ ou JJ/MM/AAAA)',
          ],
        ],
      ],
      [{ dispositif: 'axe-9' }, [['dispositif', 'axe-9', 'dispositif inconnu : axe-9']]],
      [{ objet: '' }, [['objet', '', 'objet manquant']]],
      [{ objet: 'x'.repeat(301) }, [['objet', `${'x'.repeat(199)}…`, 'objet dépasse 300 caractères (301)']]],
      [{ themes: 'jardinage' }, [['themes', 'jardinage', 'thème inconnu : jardinage']]],
      [
        { statut: 'perdu' },
        [['statut', 'perdu', 'statut inconnu : perdu (financé, en cours, livré ou abandonné)']],
      ],
      [
        { coporteurs: `${SIREN.grenoble}|123` },
        [['coporteurs', `${SIREN.grenoble}|123`, 'SIREN de co-porteur invalide : 123']],
      ],
      [
        { site: 'salles.example.fr' },
        [
          [
            'site',
            'salles.example.fr',
            'adresse web invalide : salles.example.fr (elle doit commencer par https://)',
          ],
        ],
      ],
      [
        { identifiant: 'a b' },
        [
          [
            'identifiant',
            'a b',
            'identifiant invalide : lettres, chiffres, points, tirets ou soulignés, 80 caractères au plus',
          ],
        ],
      ],
      [
        { dispositif: 'axe-9', montant: 'douze', dateConvention: '31/02/2022' },
        [
          ['dispositif', 'axe-9', 'dispositif inconnu : axe-9'],
          ['montant', 'douze', 'montant n’est pas un nombre'],
          ['dateConvention', '31/02/2022', 'date impossible : 31/02/2022'],
        ],
      ],
    ];
    for (const [overrides, expected] of cases) {
      const bad = goodLine({ identifiant: 'LIGNE-3', ...overrides });
      const { report } = await plan(csvFile([goodLine(), bad]));
      const label = JSON.stringify(overrides).slice(0, 80);
      assert.deepEqual(
        report.rejected,
        expected.map(([column, value, reason]) => issue(3, column, value, reason)),
        label,
      );
      assert.equal(report.created, 1, label);
    }
    assert.equal(await count(), 0, 'a dry run writes nothing');
  });

  test('a duplicate is reported with the line it repeats, by identifiant or by dispositif, SIREN and objet', async () => {
    const byId = await plan(csvFile([goodLine(), goodLine({ objet: 'Autre titre' })]));
    assert.deepEqual(byId.report.rejected, [
      issue(3, 'identifiant', 'DINUM-2022-001', 'doublon de la ligne 2'),
    ]);
    const generated = await plan(
      csvFile([
        goodLine({ identifiant: '' }),
        goodLine({ identifiant: '', dispositif: '3' }),
        goodLine({
          identifiant: '',
          objet: 'DÉMARCHES  en ligne métropolitaines',
          idBeneficiaire: SIREN.grenobleMetropole,
        }),
      ]),
    );
    assert.deepEqual(generated.report.rejected, [
      issue(4, 'objet', 'DÉMARCHES  en ligne métropolitaines', 'doublon de la ligne 2'),
    ]);
  });

  test('a CSV line with a stray separator is reported once, not as ten shifted values', async () => {
    const text = csvFile([goodLine()]).toString('utf8').replace('Démarches en ligne', 'Démarches; en ligne');
    const { report } = await plan(Buffer.from(text));
    assert.deepEqual(report.rejected, [
      issue(2, null, '', 'nombre de colonnes incorrect : 18 au lieu de 17'),
    ]);
  });

  test('what a good line becomes: the porteur from the COG, amounts in whole euros, dates, codes', async () => {
    const { report, writes } = await plan(csvFile([goodLine({ montant: '150 000,50' })]));
    assert.deepEqual(report.rejected, []);
    const [l] = writes;
    assert.ok(l);
    assert.deepEqual(
      {
        ...l,
        sourceHash: undefined,
        createdAt: undefined,
        updatedAt: undefined,
      },
      {
        id: 'DINUM-2022-001',
        dispositifCode: 'axe-2',
        title: 'Démarches en ligne métropolitaines',
        summary: 'Un guichet unique des démarches.',
        porteur: { siren: SIREN.grenobleMetropole, name: 'Grenoble-Alpes-Métropole', kind: 'epci' },
        territoryKey: SIREN.grenobleMetropole,
        communeCode: null,
        epciCode: SIREN.grenobleMetropole,
        departementCode: '38',
        regionCode: '84',
        population: l.population,
        amountEur: 150_001,
        totalCostEur: 200_000,
        filedOn: '2021-11-15',
        decidedOn: '2022-01-20',
        status: 'en-cours',
        siteUrl: 'https://demarches.example.fr',
        sourceUrl: null,
        outputs: '',
        themes: ['dematerialisation-demarches', 'franceconnect-api'],
        coporteurs: [{ siren: SIREN.grenoble, name: 'Commune de Grenoble' }],
        demonstration: false,
        sourceHash: undefined,
        createdAt: undefined,
        updatedAt: undefined,
      },
    );
    assert.ok((l.population ?? 0) > 400_000);
  });

  test('the same lauréats from CSV (« ; » or « , », with or without BOM, UTF-8 or Windows-1252) and XLSX', async () => {
    const rows = [
      goodLine(),
      goodLine({
        identifiant: 'ANCT-7',
        dispositif: '1',
        idBeneficiaire: SIREN.grenoble,
        objet: 'Salle sur demande',
        themes: 'Mutualiser et réserver des ressources',
        coporteurs: '',
        nomAttribuant: 'ANCT',
      }),
      goodLine({
        identifiant: 'DITP-38-1',
        dispositif: 'Axe 3',
        idBeneficiaire: SIREN.isere,
        nomBeneficiaire: 'Département de l’Isère',
        objet: 'Guichet numérique',
        themes: '',
        coporteurs: '',
        nomAttribuant: 'Préfecture de l’Isère',
        statut: 'Livré',
      }),
    ];
    const reference = await plan(csvFile(rows));
    assert.deepEqual(reference.report.rejected, []);
    assert.equal(reference.report.created, 3);
    const variants: Array<[string, Uint8Array, string]> = [
      ['comma and BOM', csvFile(rows, { delimiter: ',', bom: true }), 'laureats.csv'],
      [
        'Windows-1252',
        csvFile(
          rows.map((r) => ({ ...r, nomBeneficiaire: r.nomBeneficiaire!.replace('’', "'") })),
          { encoding: 'latin1' },
        ),
        'laureats.csv',
      ],
      ['XLSX as text', await xlsxFile(rows), 'laureats.xlsx'],
      ['XLSX with numbers and dates', await xlsxFile(rows, { typed: true }), 'laureats.xlsx'],
    ];
    for (const [name, bytes, fileName] of variants) {
      const { report, writes } = await plan(bytes, fileName);
      assert.deepEqual(report.rejected, [], name);
      assert.deepEqual(
        writes.map((w) => w.sourceHash),
        reference.writes.map((w) => w.sourceHash),
        name,
      );
    }
    const isere = reference.writes[2]!;
    assert.deepEqual(
      [isere.porteur, isere.territoryKey, isere.departementCode, isere.regionCode, isere.status],
      [
        { siren: SIREN.isere, name: 'Département de l’Isère', kind: 'departement' },
        'departement-38',
        '38',
        '84',
        'livre',
      ],
    );
    assert.deepEqual(reference.report.warnings, [], 'Préfecture de l’Isère is axe 3’s attribuant');
  });

  test('all or nothing: with one rejected line, applying writes nothing', async () => {
    const p = await plan(csvFile([goodLine(), goodLine({ identifiant: 'X-2', montant: 'douze' })]));
    const result = await t.fund.service.applyImport(p, COMMAND_LINE_ACTOR);
    assert.equal(result.ok, false);
    assert.equal(await count(), 0);
  });

  test('applied, the same file again changes nothing; a changed amount updates one lauréat', async () => {
    const rows = [
      goodLine(),
      goodLine({
        identifiant: '',
        objet: 'Signature électronique',
        idBeneficiaire: SIREN.megalis,
        nomBeneficiaire: 'Syndicat mixte Mégalis Bretagne',
        coporteurs: '',
      }),
    ];
    const first = await t.fund.importLaureats(csvFile(rows), 'laureats.csv', { dryRun: false });
    assert.deepEqual([first.applied, first.report.created, first.report.updated], [true, 2, 0]);
    assert.equal(await count(), 2);
    const again = await t.fund.importLaureats(await xlsxFile(rows, { typed: true }), 'laureats.xlsx', {
      dryRun: false,
    });
    assert.deepEqual([again.report.created, again.report.updated, again.report.unchanged], [0, 0, 2]);
    const changed = await t.fund.importLaureats(
      csvFile([goodLine({ montant: '160000' }), rows[1]!]),
      'v2.csv',
      {
        dryRun: false,
      },
    );
    assert.deepEqual([changed.report.created, changed.report.updated, changed.report.unchanged], [0, 1, 1]);
    assert.equal((await t.fund.repo.findLaureat('DINUM-2022-001'))?.amountEur, 160_000);
    // The syndicat met for the first time is now an organisation, kind guessed from its name.
    const megalis = await t.territories.organisations.bySiren(SIREN.megalis);
    assert.deepEqual(
      [megalis?.name, megalis?.kind],
      ['Syndicat mixte Mégalis Bretagne', 'structure-mutualisation'],
    );
    const audit = await t.accounts.repo.listAudit({ action: 'laureats-importes', limit: 10, offset: 0 });
    assert.equal(audit.total, 3, 'one event per applied import');
    const last = audit.items.find((e) => e.details.fichier === 'v2.csv');
    assert.deepEqual(last?.details, {
      fichier: 'v2.csv',
      lignes: 2,
      crees: 0,
      modifies: 1,
      inchanges: 1,
      // 160,000 € of 200,000 €: 80 %, above the 75 % of the rule in force.
      avertissements: 1,
      organisationsCreees: 0,
    });
    assert.equal(last?.actorLabel, 'ligne de commande (nt import-laureats)');
  });

  test('an operator of axe 2 gets the lines of axe 3 rejected, and cannot take another dispositif’s identifiant', async () => {
    const scope = scopeOf(['axe-2'], []);
    const { report } = await plan(
      csvFile([goodLine({ identifiant: 'OK-1' }), goodLine({ identifiant: 'AX3-1', dispositif: 'axe-3' })]),
      'laureats.csv',
      scope,
    );
    assert.deepEqual(report.rejected, [
      issue(3, 'dispositif', 'axe-3', 'dispositif axe-3 hors de votre périmètre (vous gérez : axe-2)'),
    ]);
    await t.fund.importLaureats(
      csvFile([goodLine({ identifiant: 'PRIS', dispositif: 'axe-3', nomAttribuant: '' })]),
      'a.csv',
      { dryRun: false },
    );
    const taken = await plan(csvFile([goodLine({ identifiant: 'PRIS' })]), 'b.csv', scope);
    assert.deepEqual(taken.report.rejected, [
      issue(
        2,
        'identifiant',
        'PRIS',
        'identifiant déjà pris par un lauréat du dispositif axe-3, hors de votre périmètre',
      ),
    ]);
    // A préfecture’s operator manages axe 3 in its département only.
    const prefecture = scopeOf([], ['73']);
    const isere = await plan(
      csvFile([goodLine({ identifiant: 'P-1', dispositif: 'axe-3', nomAttribuant: '' })]),
      'c.csv',
      prefecture,
    );
    assert.equal(
      isere.report.rejected[0]?.reason,
      'dispositif axe-3 hors de votre périmètre (vous gérez : axe-3 dans le département 73)',
    );
  });

  test('warnings point at the rule in force when the dossier was filed, without blocking', async () => {
    const gam = (await t.territories.territories.byCode(SIREN.grenobleMetropole))?.population ?? 0;
    const { report } = await plan(
      csvFile([
        goodLine({
          identifiant: 'W-1',
          idBeneficiaire: SIREN.abergement,
          nomBeneficiaire: '',
          coporteurs: '',
        }),
        goodLine({ identifiant: 'W-2', dateDepot: '2021-06-01', montant: '150000', coutTotal: '200000' }),
        goodLine({
          identifiant: 'W-3',
          dispositif: '2 bis',
          montant: '6 000',
          coutTotal: '',
          themes: 'franceconnect-api',
        }),
        goodLine({ identifiant: 'W-4', nomAttribuant: 'ANCT' }),
      ]),
    );
    assert.deepEqual(report.rejected, []);
    assert.deepEqual(
      report.warnings.map((w) => [w.line, w.column, w.reason]),
      [
        [
          2,
          'idBeneficiaire',
          `Population du porteur (860 habitants) sous le seuil de 300${nnbsp}000 habitants (règle en vigueur depuis le 01/10/2021).`,
        ],
        [
          3,
          'idBeneficiaire',
          `Population du porteur (${new Intl.NumberFormat('fr-FR').format(gam)} habitants) sous le seuil de 500${nnbsp}000 habitants (règle en vigueur depuis le 25/01/2021).`,
        ],
        [
          3,
          'montant',
          'Part de l’État de 75 %, au-delà du plafond de 50 % (règle en vigueur depuis le 25/01/2021).',
        ],
        [
          4,
          'montant',
          `Montant de 6${nnbsp}000 €, différent du forfait de 5${nnbsp}000 € (règle en vigueur depuis le 01/06/2021).`,
        ],
        [5, 'nomAttribuant', '« ANCT » n’est pas l’opérateur du dispositif axe-2 (DINUM).'],
      ],
    );
  });

  test('a SIRET is read as its SIREN', async () => {
    const { writes } = await plan(csvFile([goodLine({ idBeneficiaire: SIRET.grenobleMetropole })]));
    assert.equal(writes[0]?.porteur.siren, SIREN.grenobleMetropole);
  });
});
