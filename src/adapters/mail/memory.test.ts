import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { PermanentMailError } from '../../ports/mailer.js';
import { createMemoryMailer } from './memory.js';

const message = {
  to: 'camille@exemple.fr',
  subject: 'Inscription confirmée',
  text: 'Bonjour',
  html: '<p>Bonjour</p>',
};

describe('memory mailer', () => {
  test('keeps each message with the Message-ID it was given', async () => {
    const mailer = createMemoryMailer();
    const result = await mailer.send({ ...message, messageId: '<a@numerique-territoires>' });
    assert.equal(result.messageId, '<a@numerique-territoires>');
    assert.deepEqual(mailer.sent, [{ ...message, messageId: '<a@numerique-territoires>' }]);
  });

  test('makes a Message-ID when none is given', async () => {
    const mailer = createMemoryMailer();
    const { messageId } = await mailer.send(message);
    assert.match(messageId, /^<[0-9a-f-]{36}@numerique-territoires>$/);
    assert.equal(mailer.sent[0]?.messageId, messageId);
  });

  test('keeps a copy, so that a caller changing its object later does not change what was sent', async () => {
    const mailer = createMemoryMailer();
    const mine = { ...message };
    await mailer.send(mine);
    mine.subject = 'Autre';
    assert.equal(mailer.sent[0]?.subject, 'Inscription confirmée');
  });

  test('fails the next sends on demand, then sends again', async () => {
    const mailer = createMemoryMailer();
    mailer.failNext(2);
    await assert.rejects(mailer.send(message), /indisponible/);
    mailer.failNext(1, new PermanentMailError('Adresse inconnue'));
    await assert.rejects(mailer.send(message), /indisponible/);
    await assert.rejects(mailer.send(message), PermanentMailError);
    await mailer.send(message);
    assert.equal(mailer.sent.length, 1);
    mailer.clear();
    assert.equal(mailer.sent.length, 0);
  });
});
