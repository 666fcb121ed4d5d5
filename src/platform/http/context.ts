import type { Logger } from '../logger.js';
import type { NavItem } from '../ui/layout.js';
import type { SessionHandle } from './session.js';

/** What the platform middleware puts on every request's context. */
export type AppEnv = {
  Variables: {
    reqId: string;
    requestId: string;
    secureHeadersNonce?: string;
    logger: Logger;
    session: SessionHandle;
    navigation: NavItem[];
  };
};
