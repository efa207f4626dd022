import { describe, expect, it } from 'vitest';
import { checkAttachmentLimits, COMPOSER_LIMITS, isAcceptedFile, type AttachmentLimits } from '../../../src/renderer/src/state/attachments/attachmentLimits';
import { extensionOf, fileIconKind, fileIconLabel, formatBytes } from '../../../src/renderer/src/state/attachments/fileKinds';

const LIMITS: AttachmentLimits = { maxCount: 3, maxFileBytes: 1000, maxMessageBytes: 1500 };
const fmt = (n: number) => `${n}B`;
const all = () => true;
const file = (name: string, size: number) => ({ name, size });

describe('checkAttachmentLimits', () => {
  it('accepts files that fit', () => {
    const r = checkAttachmentLimits([], [file('a.png', 10), file('b.pdf', 20)], LIMITS, fmt, all);
    expect(r.accepted.map((f) => f.name)).toEqual(['a.png', 'b.pdf']);
    expect(r.refused).toEqual([]);
  });

  it('refuses a file over the per-file cap, naming the file and the cap', () => {
    const r = checkAttachmentLimits([], [file('big.pdf', 1001), file('ok.txt', 5)], LIMITS, fmt, all);
    expect(r.accepted.map((f) => f.name)).toEqual(['ok.txt']);
    expect(r.refused).toHaveLength(1);
    expect(r.refused[0]?.error).toMatchObject({ code: 'bad_request', messageKey: 'attachments.limit.fileTooLarge', params: { name: 'big.pdf', max: '1000B' } });
  });

  it('keeps the first files that fit the count and refuses the rest', () => {
    const r = checkAttachmentLimits([file('x', 1)], [file('a', 1), file('b', 1), file('c', 1)], LIMITS, fmt, all);
    expect(r.accepted.map((f) => f.name)).toEqual(['a', 'b']);
    expect(r.refused.map((x) => [x.file.name, x.error.messageKey, x.error.params?.max])).toEqual([['c', 'attachments.limit.tooMany', 3]]);
  });

  it('counts the bytes of what is pending against the per-message cap', () => {
    const r = checkAttachmentLimits([file('x', 900)], [file('a', 700), file('b', 600)], LIMITS, fmt, all);
    expect(r.accepted.map((f) => f.name)).toEqual(['b']);
    expect(r.refused[0]).toMatchObject({ file: { name: 'a' }, error: { messageKey: 'attachments.limit.messageTooLarge', params: { max: '1500B' } } });
  });

  it('refuses a kind Brook cannot read, by its name', () => {
    const r = checkAttachmentLimits([], [file('setup.exe', 10), file('scan.pdf', 10), file('photo.HEIC', 10)], COMPOSER_LIMITS, fmt);
    expect(r.accepted.map((f) => f.name)).toEqual(['scan.pdf', 'photo.HEIC']);
    expect(r.refused[0]).toMatchObject({ file: { name: 'setup.exe' }, error: { messageKey: 'attachments.limit.unsupported', params: { name: 'setup.exe' } } });
    expect(isAcceptedFile('notes.md')).toBe(true);
  });

  it('checks the contract\'s own limits', () => {
    const files = Array.from({ length: COMPOSER_LIMITS.maxCount + 1 }, (_, i) => file(`f${i}.txt`, 1));
    expect(checkAttachmentLimits([], files, COMPOSER_LIMITS, fmt).refused).toHaveLength(1);
    expect(checkAttachmentLimits([], [file('big.png', COMPOSER_LIMITS.maxFileBytes + 1)], COMPOSER_LIMITS, fmt).refused).toHaveLength(1);
  });

  it('allows a file of exactly the cap', () => {
    expect(checkAttachmentLimits([], [file('a', 1000)], LIMITS, fmt, all).accepted).toHaveLength(1);
  });
});

describe('file kinds and sizes', () => {
  it('reads extensions', () => {
    expect(extensionOf('Report.Final.PDF')).toBe('pdf');
    expect(extensionOf('.bashrc')).toBe('');
    expect(extensionOf('README')).toBe('');
  });

  it('picks an icon by type', () => {
    expect(fileIconKind('shot.png', 'image/png')).toBe('image');
    expect(fileIconKind('a.pdf', '')).toBe('pdf');
    expect(fileIconKind('a.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document')).toBe('word');
    expect(fileIconKind('data.csv', 'text/csv')).toBe('sheet');
    expect(fileIconKind('main.rs', '')).toBe('code');
    expect(fileIconKind('notes.md', '')).toBe('text');
    expect(fileIconKind('blob.bin', 'application/octet-stream')).toBe('other');
    expect(fileIconLabel('archive.tar.gzip')).toBe('GZIP');
  });

  it('formats sizes in binary multiples', () => {
    expect(formatBytes(812, 'en')).toBe('812 B');
    expect(formatBytes(1536, 'en')).toBe('1.5 KB');
    expect(formatBytes(20 * 1024 * 1024, 'en')).toBe('20 MB');
    expect(formatBytes(1024 * 1024 - 1, 'en')).toBe('1,024 KB');
  });
});
