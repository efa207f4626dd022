import { describe, expect, it } from 'vitest';
import { en, zhCN } from '../../../src/shared/i18n/resources';
import { IMPORTED_IMAGE_MARKER, splitImportedImages } from '../../../src/shared/importedImage';

describe('imported image markers', () => {
  it('finds the marker ChatGPT imports have always stored, on a line of its own', () => {
    expect(IMPORTED_IMAGE_MARKER).toBe('[image]');
    expect(splitImportedImages('[image]\n\n这张图里的天气怎么样？')).toEqual([
      { kind: 'image' },
      { kind: 'text', text: '\n这张图里的天气怎么样？' },
    ]);
    expect(splitImportedImages('Compare\n[image]\n[image]\nplease')).toEqual([
      { kind: 'text', text: 'Compare\n' },
      { kind: 'image' },
      { kind: 'image' },
      { kind: 'text', text: 'please' },
    ]);
  });

  it('leaves text alone when the marker is part of a sentence or absent', () => {
    expect(splitImportedImages('What does [image] mean in markdown?')).toEqual([{ kind: 'text', text: 'What does [image] mean in markdown?' }]);
    expect(splitImportedImages('plain\ntext\n')).toEqual([{ kind: 'text', text: 'plain\ntext\n' }]);
  });

  it('has a label in both languages', () => {
    // A marker is an image the import did not have (conversations.json alone, or missing from the zip).
    expect(en.imported.image).toBe('Image not in the export');
    expect(zhCN.imported.image).toBe('图片未包含在导出中');
  });
});
