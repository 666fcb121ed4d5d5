import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkAttachment, MAX_ATTACHMENT_BYTES, sniffAttachment } from './attachment.js';

describe('accreditation attachments', () => {
  it('recognises PDF, JPEG and PNG by their first bytes, whatever their name', () => {
    assert.equal(sniffAttachment(Buffer.from('%PDF-1.7\n')), 'pdf');
    assert.equal(sniffAttachment(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10])), 'jpeg');
    assert.equal(sniffAttachment(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0])), 'png');
    assert.equal(sniffAttachment(Buffer.from('MZ\x90\x00')), null);
    assert.equal(sniffAttachment(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>')), null);
    assert.equal(sniffAttachment(Buffer.alloc(0)), null);
  });

  it('treats an empty file field as no attachment, and refuses empty, oversized or disguised files', async () => {
    assert.equal(await checkAttachment(new File([], '')), null);
    assert.equal(await checkAttachment('texte'), null);
    const empty = await checkAttachment(new File([], 'vide.pdf'));
    assert.ok(empty && 'error' in empty && /vide/.test(empty.error));
    const big = await checkAttachment(new File([Buffer.alloc(MAX_ATTACHMENT_BYTES + 1, 0x25)], 'gros.pdf'));
    assert.ok(big && 'error' in big && /5 Mo/.test(big.error));
    const disguised = await checkAttachment(new File(['MZ\x90\x00'], 'carte.pdf'));
    assert.ok(disguised && 'error' in disguised && /PDF, une image JPEG/.test(disguised.error));
    const ok = await checkAttachment(new File(['%PDF-1.4\n…'], 'carte.pdf'));
    assert.ok(ok && 'kind' in ok && ok.kind === 'pdf');
  });
});
