import { describe, expect, it } from 'vitest';
import type { Attachment } from '../../../src/shared/attachments';
import { patchFromStored, PendingAttachments, readyBatch, sendState } from '../../../src/renderer/src/state/attachments/pendingAttachments';

function setup() {
  const released: string[] = [];
  const store = new PendingAttachments((url) => released.push(url));
  let changes = 0;
  store.subscribe(() => changes++);
  return { store, released, changes: () => changes };
}

/** The chips just added, which the test knows are there. */
function both<T>(list: T[]): [T, T] {
  const [a, b] = list;
  if (a === undefined || b === undefined) throw new Error('expected two chips');
  return [a, b];
}
function one<T>(list: T[]): [T] {
  const [a] = list;
  if (a === undefined) throw new Error('expected a chip');
  return [a];
}

const png = { name: 'a.png', size: 10, mime: 'image/png', previewUrl: 'blob:a' };
const pdf = { name: 'b.pdf', size: 20, mime: 'application/pdf', previewUrl: null };

describe('PendingAttachments', () => {
  it('adds chips per draft with their own keys, reading first', () => {
    const { store, changes } = setup();
    const [a, b] = both(store.add('c1', [png, pdf]));
    expect(a.key).not.toBe(b.key);
    expect(store.list('c1').map((p) => p.status)).toEqual(['reading', 'reading']);
    expect(store.list('c2')).toEqual([]);
    expect(changes()).toBe(1);
  });

  it('updates a chip wherever it is and ignores one that was removed', () => {
    const { store, released } = setup();
    const [a] = one(store.add('c1', [png]));
    store.update(a.key, { status: 'uploading', progress: 0.5 });
    expect(store.list('c1')[0]).toMatchObject({ status: 'uploading', progress: 0.5 });
    store.remove(a.key);
    expect(released).toEqual(['blob:a']);
    expect(store.has(a.key)).toBe(false);
    store.update(a.key, { status: 'ready', attachmentId: 'x' });
    expect(store.list('c1')).toEqual([]);
  });

  it('moves the blank chat\'s chips to the conversation it became', () => {
    const { store } = setup();
    const [a] = one(store.add('', [png]));
    store.move('', 'c9');
    expect(store.list('')).toEqual([]);
    expect(store.list('c9').map((p) => p.key)).toEqual([a.key]);
  });

  it('removes the chips that were sent, even after their draft moved, and releases their previews', () => {
    const { store, released } = setup();
    const [a, b] = both(store.add('', [png, pdf]));
    store.move('', 'c1');
    store.removeSent([a.key]);
    expect(store.list('c1').map((p) => p.key)).toEqual([b.key]);
    expect(released).toEqual(['blob:a']);
  });

  it('tells whether the chips can be sent, and their ids in order', () => {
    const { store } = setup();
    const [a, b] = both(store.add('c1', [png, pdf]));
    expect(sendState(store.list('c1'))).toBe('busy');
    store.update(a.key, { status: 'ready', attachmentId: 'id-a' });
    store.update(b.key, { status: 'extracting', attachmentId: 'id-b' });
    expect(sendState(store.list('c1'))).toBe('busy');
    store.update(b.key, { status: 'ready' });
    expect(sendState(store.list('c1'))).toBe('ready');
    expect(readyBatch(store.list('c1'))).toEqual({ ids: ['id-a', 'id-b'], keys: [a.key, b.key] });
    store.update(b.key, { status: 'failed', error: { code: 'bad_request', messageKey: 'x', retryable: false } });
    expect(sendState(store.list('c1'))).toBe('failed');
    expect(sendState([])).toBe('ready');
  });
});

describe('a chip from the stored attachment', () => {
  const stored = (patch: Partial<Attachment>): Attachment => ({
    id: 'att-1',
    name: 'scan.pdf',
    mime: 'application/pdf',
    size: 10,
    kind: 'document',
    width: null,
    height: null,
    extraction: { state: 'pending', pages: null, chars: null, cut: null },
    createdAt: 0,
    ...patch,
  });
  const extraction = (state: Attachment['extraction']['state']) => ({ extraction: { state, pages: 1, chars: 0, cut: null } });

  it('is ready for an image, extracting then ready for a document', () => {
    expect(patchFromStored(stored({ kind: 'image', mime: 'image/png' }))).toMatchObject({ status: 'ready', attachmentId: 'att-1' });
    expect(patchFromStored(stored(extraction('running')))).toMatchObject({ status: 'extracting' });
    expect(patchFromStored(stored(extraction('done')))).toMatchObject({ status: 'ready' });
  });

  it('fails, naming the file, for a scan without text or an unreadable file', () => {
    expect(patchFromStored(stored(extraction('no-text')))).toMatchObject({
      status: 'failed',
      error: { messageKey: 'attachments.extract.noText', params: { name: 'scan.pdf' } },
    });
    expect(patchFromStored(stored(extraction('failed'))).error?.messageKey).toBe('attachments.extract.failed');
  });

  it('reaches the chip by the stored id', () => {
    const { store } = setup();
    const [a] = one(store.add('c1', [pdf]));
    store.update(a.key, { status: 'extracting', attachmentId: 'att-1' });
    store.updateStored('att-1', { progress: 0.5 });
    expect(store.list('c1')[0]).toMatchObject({ progress: 0.5 });
  });
});
