/** A use case that cannot go on; `code` tells the route which page or field to show, `message` is French. */
export class AccountsError extends Error {
  constructor(
    readonly code:
      | 'siret-manquant'
      | 'siret-invalide'
      | 'siren-invalide'
      | 'lien-invalide'
      | 'interdit'
      | 'role-inconnu'
      | 'perimetre-invalide'
      | 'deja-attribue'
      | 'introuvable',
    message: string,
  ) {
    super(message);
    this.name = 'AccountsError';
  }
}
