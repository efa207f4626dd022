import { describe, expect, it } from 'vitest';
import {
  buildGroups,
  filterGroups,
  findChosen,
  flatten,
  groupStarts,
  keepActive,
  moveActive,
  placePopover,
  type PickerProvider,
} from '../../../src/renderer/src/components/modelPicker/pickerList';

const openai: PickerProvider = { id: 'p1', name: 'OpenAI', defaultModel: 'gpt-4o', models: [{ id: 'gpt-4o' }, { id: 'o3-mini' }] };
const local: PickerProvider = {
  id: 'p2',
  name: 'Local',
  defaultModel: 'my-model',
  models: [{ id: 'my-model', capabilities: { reasoning: true, contextWindow: 32_768 } }],
};
const empty: PickerProvider = { id: 'p3', name: 'Empty', defaultModel: '', models: [] };

describe('the model picker list', () => {
  it('groups the ticked models by provider, with what the catalog and the user know of each', () => {
    const groups = buildGroups([openai, local], { providerId: 'p1', model: null });
    expect(groups.map((g) => [g.providerName, g.options.map((o) => o.model)])).toEqual([
      ['OpenAI', ['gpt-4o', 'o3-mini']],
      ['Local', ['my-model']],
    ]);
    expect(groups[0]!.options[0]!.capabilities).toMatchObject({ vision: true, tools: true, contextWindow: 128_000 });
    expect(groups[1]!.options[0]!.capabilities).toMatchObject({ vision: false, reasoning: true, contextWindow: 32_768 });
  });

  it('keeps the chosen model as an option even when it is no longer ticked, and offers "no model" for an empty provider', () => {
    const groups = buildGroups([openai, empty], { providerId: 'p1', model: 'gpt-3.5-turbo' });
    expect(groups[0]!.options.map((o) => o.model)).toEqual(['gpt-4o', 'o3-mini', 'gpt-3.5-turbo']);
    expect(groups[1]!.options).toHaveLength(1);
    expect(groups[1]!.options[0]!.model).toBeNull();
    // Another provider's stray model is not added to this one.
    expect(buildGroups([openai], { providerId: 'p2', model: 'x' })[0]!.options).toHaveLength(2);
  });

  it('puts the "none" entry first when the field allows none', () => {
    const groups = buildGroups([openai], { providerId: null, model: null }, 'Same as default');
    expect(groups[0]!.providerId).toBeNull();
    expect(groups[0]!.options[0]!.providerName).toBe('Same as default');
    const options = flatten(groups);
    expect(findChosen(options, { providerId: null, model: null }, [openai])).toBe(0);
  });

  it('filters by every word, in provider names and model ids, ignoring case and full-width letters', () => {
    const groups = buildGroups([openai, local], { providerId: 'p1', model: null });
    expect(flatten(filterGroups(groups, 'O3')).map((o) => o.model)).toEqual(['o3-mini']);
    expect(flatten(filterGroups(groups, 'local my')).map((o) => o.model)).toEqual(['my-model']);
    expect(flatten(filterGroups(groups, 'ｇｐｔ')).map((o) => o.model)).toEqual(['gpt-4o']);
    expect(filterGroups(groups, 'openai my')).toEqual([]);
    expect(filterGroups(groups, '   ')).toEqual(groups);
    // Matching only in one group drops the other group entirely.
    expect(filterGroups(groups, 'mini').map((g) => g.providerName)).toEqual(['OpenAI']);
  });

  it('finds the chosen option: the named model, else the provider default, else "no model"', () => {
    const providers = [openai, local, empty];
    const options = flatten(buildGroups(providers, { providerId: 'p1', model: null }));
    expect(options[findChosen(options, { providerId: 'p1', model: null }, providers)]!.model).toBe('gpt-4o');
    expect(options[findChosen(options, { providerId: 'p1', model: 'o3-mini' }, providers)]!.model).toBe('o3-mini');
    expect(options[findChosen(options, { providerId: 'p3', model: null }, providers)]!.providerId).toBe('p3');
    expect(findChosen(options, { providerId: 'gone', model: null }, providers)).toBe(-1);
  });

  it('numbers groups in the flattened order', () => {
    const groups = buildGroups([openai, local, empty], { providerId: 'p1', model: null });
    expect(groupStarts(groups)).toEqual([0, 2, 3]);
  });
});

describe('the keyboard', () => {
  it('moves with arrows (wrapping), Home, End and page keys', () => {
    expect(moveActive(3, 0, 'ArrowDown')).toBe(1);
    expect(moveActive(3, 2, 'ArrowDown')).toBe(0);
    expect(moveActive(3, 0, 'ArrowUp')).toBe(2);
    expect(moveActive(3, -1, 'ArrowDown')).toBe(0);
    expect(moveActive(3, -1, 'ArrowUp')).toBe(2);
    expect(moveActive(3, 1, 'Home')).toBe(0);
    expect(moveActive(3, 1, 'End')).toBe(2);
    expect(moveActive(20, 3, 'PageDown')).toBe(11);
    expect(moveActive(20, 15, 'PageDown')).toBe(19);
    expect(moveActive(20, 5, 'PageUp')).toBe(0);
    expect(moveActive(0, 0, 'ArrowDown')).toBe(-1);
  });

  it('keeps the highlighted model while the search narrows the list, else highlights the first', () => {
    const all = flatten(buildGroups([openai, local], { providerId: 'p1', model: null }));
    const narrowed = all.filter((o) => o.model !== 'gpt-4o');
    expect(keepActive(all[1], narrowed)).toBe(0);
    expect(keepActive(all[2], narrowed)).toBe(1);
    expect(keepActive(all[0], narrowed)).toBe(0);
    expect(keepActive(all[0], [])).toBe(-1);
  });
});

describe('the popover placement', () => {
  const viewport = { width: 1280, height: 800 };
  const wanted = { width: 360, maxHeight: 420 };

  it('lines up with the button\'s end edge below it when there is room', () => {
    const place = placePopover({ left: 900, right: 1200, top: 10, bottom: 40 }, viewport, wanted);
    expect(place).toMatchObject({ left: 840, top: 44, width: 360, maxHeight: 420 });
    expect(place.bottom).toBeUndefined();
  });

  it('never leaves a narrow window: it shrinks to the window and stays inside it', () => {
    const narrow = { width: 420, height: 800 };
    const place = placePopover({ left: 12, right: 200, top: 50, bottom: 80 }, narrow, wanted);
    expect(place).toMatchObject({ left: 12, width: 360 });
    const tiny = placePopover({ left: 12, right: 200, top: 50, bottom: 80 }, { width: 300, height: 800 }, wanted);
    expect(tiny).toMatchObject({ left: 8, width: 284 });
    const atEnd = placePopover({ left: 300, right: 415, top: 50, bottom: 80 }, { width: 420, height: 800 }, { width: 300, maxHeight: 420 });
    expect(atEnd.left + atEnd.width).toBeLessThanOrEqual(412);
    expect(atEnd.left).toBeGreaterThanOrEqual(8);
  });

  it('opens upwards from a button near the bottom, pinned by its bottom edge', () => {
    const place = placePopover({ left: 20, right: 220, top: 700, bottom: 730 }, viewport, wanted);
    expect(place.top).toBeUndefined();
    expect(place.bottom).toBe(104);
    expect(place.maxHeight).toBeLessThanOrEqual(688);
  });
});
