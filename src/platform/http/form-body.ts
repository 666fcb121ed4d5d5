import type { IncomingMessage } from 'node:http';
import type { MiddlewareHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { AppEnv } from './context.js';

const FORM = 'application/x-www-form-urlencoded';

/**
 * Reads the body of a plain HTML form (`application/x-www-form-urlencoded`) straight from Node's request, at
 * most `maxBytes`, and hands it to Hono's body cache: `c.req.parseBody()`, `formData()`, `arrayBuffer()` and
 * `text()` then answer from it. Without this, Hono on Node turns each POST into a web `Request` with a
 * `ReadableStream` body, which costs more than the rest of a small form's handling. A body over the limit
 * gives a French 413 before anything reads it. Other bodies (uploads, JSON) and other runtimes pass through
 * untouched; `c.var.formRead` says whether this reader took the body.
 *
 * @example
 * app.use(formBodies({ maxBytes: 8 * 1024 * 1024 }));
 * app.post('/x', async (c) => c.text(String((await c.req.parseBody()).nom)));
 */
export function formBodies(options: { maxBytes: number }): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const incoming = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming;
    const method = c.req.method;
    if (!incoming || method === 'GET' || method === 'HEAD' || !isForm(c.req.header('content-type'))) {
      return next();
    }
    if (Number(c.req.header('content-length') ?? 0) > options.maxBytes) throw tooLarge();
    const body = await readWhole(incoming, options.maxBytes);
    const form = new FormData();
    for (const [name, value] of new URLSearchParams(body.toString('utf8'))) form.append(name, value);
    const bytes = body.buffer.slice(body.byteOffset, body.byteOffset + body.byteLength) as ArrayBuffer;
    // Hono keeps promises there, though its type names the values. The order matters: Hono answers `text()`
    // from the first cached form of the body, which must be the bytes.
    const cache = c.req.bodyCache as unknown as Record<'arrayBuffer' | 'formData', Promise<unknown>>;
    cache.arrayBuffer = Promise.resolve(bytes);
    cache.formData = Promise.resolve(form);
    c.set('formRead', true);
    return next();
  };
}

function isForm(type: string | undefined): boolean {
  return type !== undefined && type.slice(0, FORM.length).toLowerCase() === FORM;
}

/** The whole body, or a 413 as soon as it passes `maxBytes`; a connection cut mid-body gives a 400. */
function readWhole(incoming: IncomingMessage, maxBytes: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const done = (error: Error | null) => {
      incoming.off('data', onData);
      incoming.off('end', onEnd);
      incoming.off('error', onError);
      incoming.off('aborted', onAborted);
      if (error) reject(error);
      else resolve(chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks, size));
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        // The rest is left unread: the server drains or closes the connection after the answer.
        incoming.pause();
        done(tooLarge());
      } else chunks.push(chunk);
    };
    const onEnd = () => done(null);
    const onError = () => done(incomplete());
    const onAborted = () => done(incomplete());
    incoming.on('data', onData);
    incoming.on('end', onEnd);
    incoming.on('error', onError);
    incoming.on('aborted', onAborted);
  });
}

function tooLarge() {
  return new HTTPException(413, {
    message:
      'Le formulaire envoyé est trop volumineux. Raccourcissez-le, puis réessayez : rien n’a été enregistré.',
  });
}

function incomplete() {
  return new HTTPException(400, {
    message: 'Le formulaire n’est pas arrivé en entier. Réessayez : rien n’a été enregistré.',
  });
}
