import { describe, expect, it } from 'vitest';
import { placeQuickAsk, QUICK_ASK_DEFAULT_SIZE } from '../../../src/main/desktop/placement';
import { trayLabels } from '../../../src/main/desktop/trayLabels';

const primary = { id: 1, workArea: { x: 0, y: 25, width: 1440, height: 875 } };
const second = { id: 2, workArea: { x: 1440, y: 0, width: 1920, height: 1080 } };

describe('placeQuickAsk', () => {
  it('centres in the upper third of the display under the cursor the first time', () => {
    const r = placeQuickAsk(null, second);
    expect(r.width).toBe(QUICK_ASK_DEFAULT_SIZE.width);
    expect(r.x).toBe(1440 + (1920 - r.width) / 2);
    expect(r.y).toBe(Math.round((1080 - r.height) / 3));
  });

  it('returns to where the user left it on that display, kept fully visible', () => {
    expect(placeQuickAsk({ x: 100, y: 200, width: 700, height: 500, displayId: 1 }, primary)).toEqual({ x: 100, y: 200, width: 700, height: 500 });
    const offEdge = placeQuickAsk({ x: 1300, y: 800, width: 700, height: 500, displayId: 1 }, primary);
    expect(offEdge.x + offEdge.width).toBeLessThanOrEqual(1440);
    expect(offEdge.y + offEdge.height).toBeLessThanOrEqual(900);
  });

  it('keeps the remembered size but re-centres on another display', () => {
    const r = placeQuickAsk({ x: 100, y: 200, width: 800, height: 500, displayId: 1 }, second);
    expect(r).toMatchObject({ width: 800, height: 500 });
    expect(r.x).toBeGreaterThanOrEqual(1440);
  });

  it('never exceeds a small display', () => {
    const tiny = { id: 3, workArea: { x: 0, y: 0, width: 500, height: 300 } };
    const r = placeQuickAsk({ x: 0, y: 0, width: 2000, height: 2000, displayId: 3 }, tiny);
    expect(r.width).toBeLessThanOrEqual(500);
    expect(r.height).toBeLessThanOrEqual(300);
  });
});

describe('trayLabels', () => {
  it('follows the language setting, then the system locale', () => {
    expect(trayLabels('zh-CN', 'en-US').quickAsk).toBe('快速提问');
    expect(trayLabels('system', 'zh-TW').quit).toBe('退出 Brook');
    expect(trayLabels('system', 'de-DE').quickAsk).toBe('Quick ask');
  });
});
