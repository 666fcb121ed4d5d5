import { formatDate, formatNumber, plural } from '../../../../platform/i18n/format.js';
import type { Dispositif, DispositifRule } from '../../fund.domain.js';
import { THEMES } from '../../fund.domain.js';
import type { PlaceNames } from '../../search/places.js';
import type { LaureatCard as Card } from '../../search/search.types.js';
import { formatEur, formatEurShort, formatShare } from './labels.js';
import { LaureatCard } from './laureat-card.js';

export interface DispositifStats {
  count: number;
  amountEur: number;
}

const OPERATEURS: Record<string, string> = {
  ANCT: 'Agence nationale de la cohésion des territoires (ANCT), Incubateur des territoires',
  DINUM: 'Direction interministérielle du numérique (DINUM)',
  DITP: 'Direction interministérielle de la transformation publique (DITP), par les préfectures',
};

function period(d: Dispositif): string {
  return d.periodEnd
    ? `du ${formatDate(d.periodStart)} au ${formatDate(d.periodEnd)}`
    : `depuis le ${formatDate(d.periodStart)}`;
}

/**
 * The fund and its axes: each with its operator, envelope, period and what it financed so far (a link to
 * its lauréats), and a table of the envelopes beside the figures.
 *
 * @example
 * <DispositifsPage dispositifs={dispositifs} stats={stats} />
 */
export function DispositifsPage({
  dispositifs,
  stats,
}: {
  dispositifs: Dispositif[];
  stats: Record<string, DispositifStats>;
}) {
  const envelope = dispositifs.reduce((sum, d) => sum + d.envelopeEur, 0);
  return (
    <>
      <h1>Les dispositifs du fonds</h1>
      <p class="fr-text--lead">
        Le fonds « Transformation numérique des collectivités territoriales » (France Relance, mesure ITN7),
        annoncé le 25 janvier 2021, finance les collectivités par quatre dispositifs portés par trois
        opérateurs de l’État, pour une enveloppe totale de {formatEurShort(envelope)}.
      </p>
      <div class="fr-table fr-mb-4w">
        <table>
          <caption>Enveloppe et lauréats par dispositif</caption>
          <thead>
            <tr>
              <th scope="col">Dispositif</th>
              <th scope="col">Opérateur</th>
              <th scope="col">Enveloppe</th>
              <th scope="col">Lauréats</th>
              <th scope="col">Montant accordé</th>
            </tr>
          </thead>
          <tbody>
            {dispositifs.map((d) => (
              <tr>
                <th scope="row">
                  <a href={`/dispositifs/${d.code}`}>{d.label}</a>
                </th>
                <td>{d.operateur}</td>
                <td>{formatEur(d.envelopeEur)}</td>
                <td>
                  <a href={`/laureats?dispositif=${d.code}`}>{formatNumber(stats[d.code]?.count ?? 0)}</a>
                </td>
                <td>{formatEur(stats[d.code]?.amountEur ?? 0)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {dispositifs.map((d) => (
        <section class="fr-mb-4w" aria-labelledby={`dispositif-${d.code}`}>
          <h2 id={`dispositif-${d.code}`} class="fr-h4">
            <a href={`/dispositifs/${d.code}`}>{d.label}</a>
          </h2>
          <p>{d.description}</p>
          <p class="fr-text--sm">
            {OPERATEURS[d.operateur] ?? d.operateur} · {formatEur(d.envelopeEur)} · {period(d)}
          </p>
        </section>
      ))}
    </>
  );
}

/**
 * One dispositif: its operator, envelope and period, its themes, its eligibility rules as a dated table
 * (a project is judged by the version in force when it was filed), and its latest lauréats.
 *
 * @example
 * <DispositifPage dispositif={d} rules={rules} stats={stats} latest={cards} names={names} />
 */
export function DispositifPage(props: {
  dispositif: Dispositif;
  rules: DispositifRule[];
  stats: DispositifStats;
  latest: Card[];
  names: PlaceNames;
}) {
  const { dispositif: d, rules, stats, latest, names } = props;
  const used = d.envelopeEur > 0 ? stats.amountEur / d.envelopeEur : null;
  return (
    <>
      <h1>{d.label}</h1>
      <p class="fr-text--lead">{d.description}</p>
      <dl class="nt-facts">
        <dt>Opérateur</dt>
        <dd>{OPERATEURS[d.operateur] ?? d.operateur}</dd>
        <dt>Enveloppe</dt>
        <dd>{formatEur(d.envelopeEur)}</dd>
        <dt>Période</dt>
        <dd>{period(d)}</dd>
        <dt>Lauréats</dt>
        <dd>
          {plural(stats.count, 'lauréat', 'lauréats', 'Aucun lauréat')} pour {formatEur(stats.amountEur)}
          {used !== null ? ` (${formatShare(used)} de l’enveloppe)` : ''}
        </dd>
      </dl>
      <h2 class="fr-h4">Règles d’éligibilité</h2>
      {rules.length === 0 ? (
        <p>Aucune règle n’est enregistrée pour ce dispositif.</p>
      ) : (
        <div class="fr-table">
          <table>
            <caption>Versions des règles, de la plus ancienne à la plus récente</caption>
            <thead>
              <tr>
                <th scope="col">En vigueur à partir du</th>
                <th scope="col">Population minimale</th>
                <th scope="col">Départements éligibles</th>
                <th scope="col">Part maximale de l’État</th>
                <th scope="col">Forfait</th>
                <th scope="col">Précisions</th>
              </tr>
            </thead>
            <tbody>
              {rules.map((r) => (
                <tr>
                  <th scope="row">{formatDate(r.validFrom)}</th>
                  <td>{r.minPopulation === null ? '—' : `${formatNumber(r.minPopulation)} habitants`}</td>
                  <td>{r.departementEligible ? 'Oui' : 'Non'}</td>
                  <td>{r.maxStateShare === null ? '—' : formatShare(r.maxStateShare)}</td>
                  <td>{r.flatAmountEur === null ? '—' : formatEur(r.flatAmountEur)}</td>
                  <td>{r.notes}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h2 class="fr-h4 fr-mt-4w">Thèmes</h2>
      <ul class="fr-tags-group">
        {d.themes.map((t) => (
          <li>
            <a
              class="fr-tag fr-tag--sm"
              href={`/laureats?dispositif=${d.code}&theme=${encodeURIComponent(t)}`}
            >
              {THEMES[t] ?? t}
            </a>
          </li>
        ))}
      </ul>
      <h2 class="fr-h4 fr-mt-4w">Derniers lauréats</h2>
      <ul class="fr-raw-list nt-results">
        {latest.map((card) => (
          <li>
            <LaureatCard card={card} names={names} headingLevel={3} />
          </li>
        ))}
      </ul>
      <p>
        <a
          class="fr-link fr-icon-arrow-right-line fr-link--icon-right"
          href={`/laureats?dispositif=${d.code}`}
        >
          {stats.count === 1
            ? 'Voir le lauréat de ce dispositif'
            : `Voir les ${formatNumber(stats.count)} lauréats de ce dispositif`}
        </a>
      </p>
    </>
  );
}
