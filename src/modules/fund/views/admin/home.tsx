import { formatNumber } from '../../../../platform/i18n/format.js';
import type { DispositifWithRules } from '../../fund.service.js';

/**
 * A day as French forms write it.
 *
 * @example
 * frenchDay('2021-10-01') // '01/10/2021'
 */
export function frenchDay(iso: string | null): string {
  if (!iso) return '—';
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}

/**
 * The fund’s administration home: the dispositifs this person manages, each with its rule versions, and where
 * to import or edit their lauréats.
 *
 * @example
 * <FundAdminHome dispositifs={await service.dispositifs()} scopeDescription={scope.description} />
 */
export function FundAdminHome(props: { dispositifs: DispositifWithRules[]; scopeDescription: string }) {
  return (
    <>
      <h1>Données du fonds</h1>
      <p class="fr-text--lead">
        Lauréats du fonds « Transformation numérique des collectivités territoriales ».
      </p>
      <p>Votre périmètre : {props.scopeDescription.replace(/^vous gérez : /, '')}.</p>
      <ul class="fr-btns-group fr-btns-group--inline-md fr-mb-4w">
        <li>
          <a class="fr-btn" href="/admin/fonds/import">
            Importer des lauréats
          </a>
        </li>
        <li>
          <a class="fr-btn fr-btn--secondary" href="/admin/fonds/laureats">
            Voir et modifier les lauréats
          </a>
        </li>
      </ul>
      {props.dispositifs.map((d) => (
        <section class="fr-mb-6w" aria-labelledby={`dispositif-${d.code}`}>
          <h2 id={`dispositif-${d.code}`}>{d.label}</h2>
          <p>{d.description}</p>
          <ul>
            <li>Opérateur : {d.operateur}</li>
            <li>Enveloppe : {formatNumber(d.envelopeEur)} €</li>
            <li>
              Période : du {frenchDay(d.periodStart)}
              {d.periodEnd ? ` au ${frenchDay(d.periodEnd)}` : ''}
            </li>
          </ul>
          <div class="fr-table">
            <table>
              <caption>
                Règles d’éligibilité de l’{d.label.split(' — ')[0]?.toLowerCase()}, par version
              </caption>
              <thead>
                <tr>
                  <th scope="col">En vigueur depuis le</th>
                  <th scope="col">Population minimale</th>
                  <th scope="col">Part de l’État maximale</th>
                  <th scope="col">Forfait</th>
                  <th scope="col">Précisions</th>
                </tr>
              </thead>
              <tbody>
                {d.rules.map((r) => (
                  <tr>
                    <td>{frenchDay(r.validFrom)}</td>
                    <td>
                      {r.minPopulation === null ? '—' : `${formatNumber(r.minPopulation)} habitants`}
                      {r.departementEligible && r.minPopulation !== null ? ' ou un département' : ''}
                    </td>
                    <td>{r.maxStateShare === null ? '—' : `${formatNumber(r.maxStateShare * 100)} %`}</td>
                    <td>{r.flatAmountEur === null ? '—' : `${formatNumber(r.flatAmountEur)} €`}</td>
                    <td>{r.notes}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p>
            <a class="fr-link" href={`/admin/fonds/laureats?dispositif=${d.code}`}>
              Lauréats de l’{d.label.split(' — ')[0]?.toLowerCase()}
            </a>
          </p>
        </section>
      ))}
    </>
  );
}
