import type { Logger } from '../logger.js';
import type { NavItem, Viewer } from '../ui/layout.js';
import type { SessionHandle } from './session.js';

/** What the platform middleware puts on every request's context. */
export type AppEnv = {
  Variables: {
    reqId: string;
    requestId: string;
    logger: Logger;
    session: SessionHandle;
    navigation: NavItem[];
    /** Who is looking, for the header; set by the accounts module's middleware. */
    viewer: Viewer;
    /** The logged-in actor, typed by the accounts module that sets it. */
    actor: unknown;
    /** Set by a page that is the same for every anonymous visitor (see page-cache.ts). */
    shareable: boolean;
    /** The client's address, behind the platform's trusted proxies (see rate-limit.ts). */
    clientAddress: string;
    /** The form's body was read by the platform's reader (see form-body.ts), not through a web stream. */
    formRead: boolean;
  };
};
