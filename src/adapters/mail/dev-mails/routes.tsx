import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { Hono } from 'hono';
import type { AppEnv } from '../../../platform/http/context.js';
import { renderPage } from '../../../platform/ui/render.js';
import { devMailEmlPath, isDevMailId, listDevMails, readDevMail } from './files.js';
import { DevMailList, DevMailView } from './views.js';

export const DEV_MAILS_PATH = '/_dev/mails';

/**
 * The development outbox's pages: `/_dev/mails` lists the messages written into `dir` (newest first), and
 * `/_dev/mails/<id>` shows one: its text part, its links, and its `.eml` and `.html` as downloads. The
 * message's HTML is never put into our page: it carries inline styles that our CSP forbids, and it is the
 * message's markup, not ours. Mount it only when the dev outbox is the mailer (never in production).
 *
 * @example
 * if (mailer.transport === 'dev-outbox') app.route('/', devMailsRoutes('var/mails'));
 */
export function devMailsRoutes(dir: string) {
  const app = new Hono<AppEnv>();

  app.get(DEV_MAILS_PATH, async (c) => {
    const mails = await listDevMails(dir);
    return renderPage(
      c,
      { title: 'Courriels de développement', breadcrumb: [{ label: 'Courriels de développement' }] },
      <DevMailList mails={mails} dir={dir} basePath={DEV_MAILS_PATH} />,
    );
  });

  app.get(`${DEV_MAILS_PATH}/:file`, async (c) => {
    const match = /^(.+?)(?:\.(eml|html))?$/.exec(c.req.param('file'));
    const id = match?.[1] ?? '';
    const extension = match?.[2];
    if (!isDevMailId(id)) return c.notFound();
    const mail = await readDevMail(dir, id);
    if (!mail) return c.notFound();

    if (extension === 'eml') {
      const path = devMailEmlPath(dir, id);
      const size = (await stat(path)).size;
      return c.body(Readable.toWeb(createReadStream(path)) as ReadableStream, 200, {
        'content-type': 'message/rfc822',
        'content-length': String(size),
        'content-disposition': `attachment; filename="${id}.eml"`,
      });
    }
    if (extension === 'html') {
      // A download, never a page of ours: `attachment`, and a sandbox CSP should a browser display it anyway.
      return c.body(mail.html, 200, {
        'content-type': 'text/html; charset=utf-8',
        'content-disposition': `attachment; filename="${id}.html"`,
        'content-security-policy': "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src data:",
        'x-content-type-options': 'nosniff',
      });
    }
    return renderPage(
      c,
      {
        title: `${mail.subject} — Courriels de développement`,
        breadcrumb: [{ label: 'Courriels de développement', href: DEV_MAILS_PATH }, { label: mail.subject }],
      },
      <DevMailView mail={mail} basePath={DEV_MAILS_PATH} />,
    );
  });

  return app;
}
