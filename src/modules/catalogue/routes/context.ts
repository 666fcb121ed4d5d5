import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { AppEnv } from '../../../platform/http/context.js';
import type { FileStorage } from '../../../ports/file-storage.js';
import { actorOf, requestContext } from '../../accounts/index.js';
import type { LaureatRef, Who } from '../catalogue.deps.js';
import type { CatalogueRepository } from '../catalogue.repository.js';
import type { CatalogueService } from '../catalogue.service.js';
import type { ContactService } from '../contact/contact.service.js';
import type { PublicSearch } from '../search/public-service.js';
import type { UsesService } from '../uses.service.js';

/** What the catalogue's routes are built from. */
export interface CatalogueRoutesDeps {
  repo: CatalogueRepository;
  editorial: CatalogueService;
  uses: UsesService;
  contact: ContactService;
  search: PublicSearch;
  storage: FileStorage;
  laureat(id: string): Promise<LaureatRef | null>;
  /** An organisation's name as shown (its SIREN when unknown). */
  organisationName(siren: string): Promise<string>;
}

export const CATALOGUE_CRUMB = { label: 'Catalogue', href: '/catalogue' };

/** The person acting on this request, with their address for the audit log; null for a visitor. */
export function whoOf(c: Context<AppEnv>): Who | null {
  const actor = actorOf(c);
  return actor ? { actor, ip: requestContext(c).ip } : null;
}

/** The same French 403 as the platform's guards. */
export function forbidden(): HTTPException {
  return new HTTPException(403, {
    message:
      'Vous n’avez pas accès à cette page. Si vous pensez que c’est une erreur, contactez un administrateur.',
  });
}

/** Where a visitor goes to log in, coming back to `back` (a path of this site). */
export function loginHref(back: string): string {
  return `/connexion?retour=${encodeURIComponent(back)}`;
}

/** The form body, whatever came (an unreadable body is an empty form, never a 500). */
export async function formBody(c: Context<AppEnv>): Promise<Record<string, unknown>> {
  try {
    return (await c.req.parseBody({ all: true })) as Record<string, unknown>;
  } catch {
    return {};
  }
}
