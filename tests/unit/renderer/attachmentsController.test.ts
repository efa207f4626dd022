import { describe, expect, it } from 'vitest';
import { ATTACHMENT_PART_BYTES, type Attachment } from '../../../src/shared/attachments';
import { AppError } from '../../../src/shared/errors';
import { AttachmentsController } from '../../../src/renderer/src/state/AttachmentsController';
import { deferred, fakeClient, type Handler } from './support/fakeClient';

function stored(patch: Partial<Attachment> = {}): Attachment {
  return {
    id: 'att-1', name: 'photo.png', mime: 'image/png', size: 0, kind: 'image', width: 10, height: 10,
    extraction: { state: 'done', pages: null, chars: null, cut: null }, createdAt: 1, ...patch,
  };
}

/** An upload session the test can watch: the parts as the core would receive them. */
function uploadHandlers(finish: Handler) {
  const parts: Array<{ index: number; data: string }> = [];
  let received = 0;
  const handlers: Partial<Record<string, Handler>> = {
    'attachments.begin': async () => ({ uploadId: 'up-1' }),
    'attachments.part': async (args) => {
      const part = args as { index: number; data: string };
      parts.push(part);
      received += Buffer.from(part.data, 'base64').length;
      return { receivedBytes: received };
    },
    'attachments.finish': finish,
    'attachments.cancel': async () => null,
  };
  return { handlers, parts };
}

function setup(handlers: Partial<Record<string, Handler>>) {
  const fake = fakeClient(handlers);
  const controller = new AttachmentsController(fake.client);
  const progress: Array<number | null> = [];
  controller.pending.subscribe(() => progress.push(controller.pending.list('c1')[0]?.progress ?? null));
  return { ...fake, controller, progress };
}

function chipFor(controller: AttachmentsController, file: File) {
  const [chip] = controller.pending.add('c1', [{ name: file.name, size: file.size, mime: file.type, previewUrl: null }]);
  if (!chip) throw new Error('no chip');
  return chip;
}

describe('AttachmentsController uploads', () => {
  it('sends a file in parts the core can join back into the same bytes, with progress, and ends ready', async () => {
    const bytes = new Uint8Array(2 * ATTACHMENT_PART_BYTES + 12345).map((_, i) => (i * 7919) % 256);
    const { handlers, parts } = uploadHandlers(async () => stored({ size: bytes.length }));
    const { controller, names, progress } = setup(handlers);
    const file = new File([bytes], 'photo.png', { type: 'image/png' });
    const chip = chipFor(controller, file);

    await controller.upload(chip.key, file);

    expect(parts.map((p) => p.index)).toEqual([0, 1, 2]);
    // Compared as one flag: a deep diff of megabytes would take a minute.
    expect(Buffer.concat(parts.map((p) => Buffer.from(p.data, 'base64'))).equals(Buffer.from(bytes))).toBe(true);
    expect(names()).toEqual(['attachments.begin', 'attachments.part', 'attachments.part', 'attachments.part', 'attachments.finish']);
    expect(progress.filter((p) => p !== null && p > 0 && p < 1).length).toBeGreaterThanOrEqual(2);
    expect(controller.pending.list('c1')[0]).toMatchObject({ status: 'ready', attachmentId: 'att-1', progress: null });
  });

  it('shows a document extracting, its progress, then ready — even when the result came before finish answered', async () => {
    const document = stored({ name: 'notes.pdf', mime: 'application/pdf', kind: 'document', extraction: { state: 'running', pages: 4, chars: null, cut: null } });
    const finish = deferred<Attachment>();
    const { handlers } = uploadHandlers(() => finish.promise);
    const { controller } = setup(handlers);
    const file = new File(['%PDF-1.7'], 'notes.pdf', { type: 'application/pdf' });
    const chip = chipFor(controller, file);

    const upload = controller.upload(chip.key, file);
    await new Promise((r) => setTimeout(r, 0));
    // The worker finished before `finish` answered: its event must not be lost.
    controller.handleUpdated({ ...document, extraction: { state: 'done', pages: 4, chars: 900, cut: null } });
    finish.resolve(document);
    await upload;
    expect(controller.pending.list('c1')[0]).toMatchObject({ status: 'ready', attachmentId: 'att-1' });
  });

  it('follows the extraction of a document through its events', async () => {
    const document = stored({ name: 'scan.pdf', mime: 'application/pdf', kind: 'document', extraction: { state: 'pending', pages: null, chars: null, cut: null } });
    const { handlers } = uploadHandlers(async () => document);
    const { controller } = setup(handlers);
    const file = new File(['%PDF-1.7'], 'scan.pdf', { type: 'application/pdf' });
    const chip = chipFor(controller, file);
    await controller.upload(chip.key, file);
    expect(controller.pending.list('c1')[0]).toMatchObject({ status: 'extracting' });

    controller.handleProgress({ attachmentId: 'att-1', done: 1, total: 4 });
    expect(controller.pending.list('c1')[0]).toMatchObject({ status: 'extracting', progress: 0.25 });
    controller.handleUpdated({ ...document, extraction: { state: 'no-text', pages: 4, chars: 0, cut: null } });
    expect(controller.pending.list('c1')[0]).toMatchObject({ status: 'failed', error: { messageKey: 'attachments.extract.noText' } });
  });

  it('cancels the upload when the chip is removed meanwhile', async () => {
    const part = deferred<{ receivedBytes: number }>();
    const { handlers } = uploadHandlers(async () => stored());
    const { controller, names } = setup({ ...handlers, 'attachments.part': () => part.promise });
    const file = new File([new Uint8Array(ATTACHMENT_PART_BYTES + 1)], 'big.png', { type: 'image/png' });
    const chip = chipFor(controller, file);

    const upload = controller.upload(chip.key, file);
    await new Promise((r) => setTimeout(r, 0));
    controller.pending.remove(chip.key);
    part.resolve({ receivedBytes: ATTACHMENT_PART_BYTES });
    await upload;
    expect(names()).toEqual(['attachments.begin', 'attachments.part', 'attachments.cancel']);
  });

  it('shows the core\'s refusal on the chip', async () => {
    const refusal = new AppError('bad_request', { messageKey: 'attachmentErrors.unsupportedType', params: { name: 'a.exe' } });
    const { controller } = setup({ 'attachments.begin': async () => Promise.reject(refusal) });
    const file = new File(['x'], 'a.exe');
    const chip = chipFor(controller, file);
    await controller.upload(chip.key, file);
    expect(controller.pending.list('c1')[0]).toMatchObject({ status: 'failed', error: { messageKey: 'attachmentErrors.unsupportedType' } });
  });
});

describe('AttachmentsController reads stored files', () => {
  it('asks for a thumbnail once while it is cached, and the viewer\'s image at its large size', async () => {
    const sizes: string[] = [];
    const { controller } = setup({
      'attachments.thumbnail': async (args) => {
        const { size } = args as { size: string };
        sizes.push(size);
        return { dataUrl: `data:image/png;base64,${size}`, width: 1, height: 1 };
      },
    });
    expect(await controller.thumbnail('att-1')).toBe('data:image/png;base64,small');
    expect(await controller.thumbnail('att-1')).toBe('data:image/png;base64,small');
    expect(await controller.image('att-1')).toBe('data:image/png;base64,large');
    expect(sizes).toEqual(['small', 'large']);
  });

  it('gives a document\'s text and how much of it was kept', async () => {
    const { controller } = setup({
      'attachments.text': async () => ({ text: 'hello', extraction: { state: 'done', pages: null, chars: 5, cut: { totalChars: 9, keptChars: 5 } } }),
    });
    expect(await controller.documentText('att-1')).toEqual({ text: 'hello', cut: { keptChars: 5, totalChars: 9 } });
  });
});
