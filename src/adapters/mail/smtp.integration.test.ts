import assert from 'node:assert/strict';
import { after, afterEach, before, describe, test } from 'node:test';
import { type SmtpCapture, startSmtpCapture } from '../../../test/helpers/smtp-server.js';
import { PermanentMailError } from '../../ports/mailer.js';
import { createSmtpMailer } from './smtp.js';

const FROM = '"Numérique & Territoires" <ne-pas-repondre@numerique-territoires.localhost>';
const message = {
  to: 'camille@exemple.fr',
  subject: 'Votre lien de connexion',
  text: 'Bonjour',
  html: '<p>Bonjour</p>',
};

describe('SMTP mailer', () => {
  let smtp: SmtpCapture;
  before(async () => {
    smtp = await startSmtpCapture({ auth: { user: 'nt@exemple.fr', pass: 'p@ss:wörd' } });
  });
  afterEach(() => {
    smtp.received.length = 0;
  });
  after(() => smtp.stop());

  test('authenticates with the credentials of its URL', async () => {
    const mailer = createSmtpMailer({ url: smtp.url, from: FROM });
    await mailer.send({ ...message, messageId: '<fixe@numerique-territoires>' });
    assert.equal(smtp.received[0]?.user, 'nt@exemple.fr');
    assert.equal(smtp.received[0]?.mail.messageId, '<fixe@numerique-territoires>');
    assert.equal(smtp.received[0]?.mail.from?.value[0]?.name, 'Numérique & Territoires');
  });

  test('fails, and does not send, with wrong credentials', async () => {
    const mailer = createSmtpMailer({ url: smtp.url.replace('p%40ss', 'faux'), from: FROM });
    await assert.rejects(mailer.send(message));
    assert.equal(smtp.received.length, 0);
  });

  test('reports a refused mailbox (550) as permanent, and a server that is down as temporary', async () => {
    const refusing = await startSmtpCapture({ refuseRecipient: () => true });
    try {
      const mailer = createSmtpMailer({ url: refusing.url, from: FROM });
      await assert.rejects(mailer.send(message), PermanentMailError);
    } finally {
      await refusing.stop();
    }
    const down = createSmtpMailer({ url: refusing.url, from: FROM });
    await assert.rejects(down.send(message), (err: Error) => !(err instanceof PermanentMailError));
  });
});
