import { describe, expect, it } from 'vitest';
import { PendingAttachments, readyIds, sendState } from '../../../src/renderer/src/state/attachments/pendingAttachments';

function setup() {
  const released: string[] = [];
  const store = new PendingAttachments((url) => released.push(url));
  let changes = 0;
  store.subscribe(() => changes++);
  return { store, released, changes: () => changes };
}

const png = { name: 'a.png', size: 10, mime: 'image/png', previewUrl: 'blob:a' };
const pdf = { name: 'b.pdf', size: 20, mime: 'application/pdf', previewUrl: null };

describe('PendingAttachments', () => {
  it('adds chips per draft with their own keys, reading first', () => {
    const { store, changes } = setup();
    const [a, b] = store.add('c1', [png, pdf]);
    expect(a.key).not.toBe(b.key);
    expect(store.list('c1').map((p) => p.status)).toEqual(['reading', 'reading']);
    expect(store.list('c2')).toEqual([]);
    expect(changes()).toBe(1);
  });

  it('updates a chip wherever it is and ignores one that was removed', () => {
    const { store, released } = setup();
    const [a] = store.add('c1', [png]);
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
    const [a] = store.add('', [png]);
    store.move('', 'c9');
    expect(store.list('')).toEqual([]);
    expect(store.list('c9').map((p) => p.key)).toEqual([a.key]);
  });

  it('clears a draft after sending and releases its previews', () => {
    const { store, released } = setup();
    store.add('c1', [png, pdf]);
    store.clear('c1');
    expect(store.list('c1')).toEqual([]);
    expect(released).toEqual(['blob:a']);
  });

  it('tells whether the chips can be sent, and their ids in order', () => {
    const { store } = setup();
    const [a, b] = store.add('c1', [png, pdf]);
    expect(sendState(store.list('c1'))).toBe('busy');
    store.update(a.key, { status: 'ready', attachmentId: 'id-a' });
    store.update(b.key, { status: 'extracting', attachmentId: 'id-b' });
    expect(sendState(store.list('c1'))).toBe('busy');
    store.update(b.key, { status: 'ready' });
    expect(sendState(store.list('c1'))).toBe('ready');
    expect(readyIds(store.list('c1'))).toEqual(['id-a', 'id-b']);
    store.update(b.key, { status: 'failed', error: { code: 'bad_request', messageKey: 'x', retryable: false } });
    expect(sendState(store.list('c1'))).toBe('failed');
    expect(sendState([])).toBe('ready');
  });
});
