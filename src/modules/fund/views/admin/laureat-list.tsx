import { formatNumber, plural } from '../../../../platform/i18n/format.js';
import { Pagination } from '../../../../platform/ui/components.js';
import { InputField, SelectField } from '../../../../platform/ui/forms.js';
import { DISPOSITIFS, type DispositifCode, type Laureat, STATUS_LABELS } from '../../fund.domain.js';
import { frenchDay } from './home.js';

export const LAUREATS_PER_PAGE = 50;

/**
 * The lauréats this person manages, filtered by dispositif or by identifiant / SIREN, each linked to its form.
 *
 * @example
 * <LaureatListPage items={page.items} total={page.total} page={1} dispositifs={['axe-2']} q="" />
 */
export function LaureatListPage(props: {
  items: Laureat[];
  total: number;
  page: number;
  dispositifs: DispositifCode[];
  dispositif?: string;
  q: string;
}) {
  const href = (n: number) => {
    const p = new URLSearchParams();
    if (props.dispositif) p.set('dispositif', props.dispositif);
    if (props.q) p.set('q', props.q);
    if (n > 1) p.set('page', String(n));
    const s = p.toString();
    return s ? `/admin/fonds/laureats?${s}` : '/admin/fonds/laureats';
  };
  return (
    <>
      <h1>Lauréats</h1>
      <form
        method="get"
        action="/admin/fonds/laureats"
        class="fr-grid-row fr-grid-row--gutters fr-grid-row--bottom fr-mb-3w"
      >
        <div class="fr-col-12 fr-col-md-4">
          <SelectField
            name="dispositif"
            label="Dispositif"
            value={props.dispositif ?? ''}
            options={[
              { value: '', label: 'Tous vos dispositifs' },
              ...DISPOSITIFS.filter((d) => props.dispositifs.includes(d.code)).map((d) => ({
                value: d.code,
                label: d.label,
              })),
            ]}
          />
        </div>
        <div class="fr-col-12 fr-col-md-5">
          <InputField
            name="q"
            label="Identifiant ou SIREN du porteur"
            type="search"
            value={props.q}
            spellcheck={false}
          />
        </div>
        <div class="fr-col-12 fr-col-md-3">
          <button type="submit" class="fr-btn fr-mb-3w">
            Filtrer
          </button>
        </div>
      </form>
      <p role="status">{plural(props.total, 'lauréat', 'lauréats', 'Aucun lauréat')}</p>
      {props.items.length > 0 ? (
        <div class="fr-table">
          <table>
            <caption class="fr-sr-only">Lauréats de votre périmètre</caption>
            <thead>
              <tr>
                <th scope="col">Projet</th>
                <th scope="col">Porteur</th>
                <th scope="col">Dispositif</th>
                <th scope="col">Montant</th>
                <th scope="col">Convention</th>
                <th scope="col">Statut</th>
              </tr>
            </thead>
            <tbody>
              {props.items.map((l) => (
                <tr>
                  <td>
                    <a href={`/admin/fonds/laureats/${encodeURIComponent(l.id)}`}>{l.title}</a>
                  </td>
                  <td>{l.porteur.name}</td>
                  <td>{l.dispositifCode}</td>
                  <td>{formatNumber(l.amountEur)} €</td>
                  <td>{frenchDay(l.decidedOn)}</td>
                  <td>{STATUS_LABELS[l.status]}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <Pagination
        page={props.page}
        pageCount={Math.max(1, Math.ceil(props.total / LAUREATS_PER_PAGE))}
        hrefFor={href}
      />
    </>
  );
}
