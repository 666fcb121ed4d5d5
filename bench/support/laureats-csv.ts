/**
 * Generated lauréats written as a file in the import format (src/modules/fund/import/columns.ts): UTF-8 with
 * a BOM, semicolons, one lauréat a line — what an operator would upload.
 */
import type { DemoLaureat } from '../../src/modules/fund/demo/generate.js';

const HEADER = [
  'identifiant',
  'dispositif',
  'idBeneficiaire',
  'nomBeneficiaire',
  'objet',
  'resume',
  'themes',
  'montant',
  'coutTotal',
  'dateDepot',
  'dateConvention',
  'statut',
  'coporteurs',
  'site',
  'codeSource',
  'realisations',
  'nomAttribuant',
];

const STATUS: Record<string, string> = {
  finance: 'financé',
  'en-cours': 'en cours',
  livre: 'livré',
  abandonne: 'abandonné',
};
const OPERATOR: Record<string, string> = {
  'axe-1': 'ANCT',
  'axe-2': 'DINUM',
  'axe-2-bis': 'DINUM',
  'axe-3': 'DITP',
};

function field(value: string | number | null): string {
  const s = value === null ? '' : String(value);
  return /[";\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * @example
 * await writeFile('laureats.csv', laureatsCsv(generateLaureats({ seed: 2023, count: 100_000, ...cog })));
 */
export function laureatsCsv(rows: DemoLaureat[]): string {
  const lines = [HEADER.join(';')];
  for (const { laureat: l, themes, coporteurs } of rows) {
    lines.push(
      [
        l.id,
        l.dispositif_code,
        l.porteur_siren,
        l.porteur_name,
        l.title,
        l.summary,
        themes.join('|'),
        l.amount_eur,
        l.total_cost_eur,
        l.filed_on,
        l.decided_on,
        STATUS[l.status] ?? l.status,
        coporteurs.map((c) => c.siren).join('|'),
        l.site_url,
        l.source_url,
        l.outputs.replace(/\n/g, ' ; '),
        OPERATOR[l.dispositif_code] ?? '',
      ]
        .map(field)
        .join(';'),
    );
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
