import type { Child } from 'hono/jsx';

/**
 * A DSFR table with its caption and column headers, rows of cells given as children-ready values.
 *
 * @example
 * <DataTable caption="Par profil" head={['Profil', 'Confirmées']} rows={[['Presse', '3']]} />
 */
export function DataTable(props: { caption: string; head: string[]; rows: Child[][]; rowHeaders?: boolean }) {
  return (
    <div class="fr-table fr-table--bordered">
      <div class="fr-table__wrapper">
        <div class="fr-table__container">
          <div class="fr-table__content">
            <table>
              <caption>{props.caption}</caption>
              <thead>
                <tr>
                  {props.head.map((h) => (
                    <th scope="col">{h}</th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {props.rows.map((cells) => (
                  <tr>
                    {cells.map((cell, i) =>
                      i === 0 && props.rowHeaders ? <th scope="row">{cell}</th> : <td>{cell}</td>,
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      </div>
    </div>
  );
}
