/**
 * The model picker's list, without React: which options there are (grouped by provider), which
 * survive the search text, and where the keyboard moves the highlight. Kept pure so the
 * combobox's behaviour is tested without a browser.
 */
import type { ModelCapabilities, ProviderModel } from '../../../../shared/domain';
import { effectiveCapabilities, pickerModels } from '../../../../shared/modelCatalog';
import type { ModelChoice } from '../../state/modelChoice';

export interface PickerProvider {
  id: string;
  name: string;
  defaultModel: string;
  models: readonly ProviderModel[];
}

export interface PickerOption {
  /** Unique within the list (the DOM id of the option is derived from it). */
  key: string;
  providerId: string | null;
  providerName: string;
  /** null: the provider has no model set (or, with `providerId: null`, "none"). */
  model: string | null;
  capabilities: ModelCapabilities | null;
}

export interface PickerGroup {
  providerId: string | null;
  providerName: string;
  options: PickerOption[];
}

const optionKey = (providerId: string | null, model: string | null) => `${providerId ?? ''}\u001f${model ?? ''}`;

/**
 * One group per provider with its ticked models (the picker's models), plus the chosen model
 * if it is not among them, so the current value is always an option. A provider with no model
 * at all offers one "no model set" entry. `noneLabel` adds a first group for `providerId: null`.
 */
export function buildGroups(providers: readonly PickerProvider[], value: ModelChoice, noneLabel?: string): PickerGroup[] {
  const groups: PickerGroup[] = [];
  if (noneLabel !== undefined) {
    groups.push({ providerId: null, providerName: '', options: [{ key: optionKey(null, null), providerId: null, providerName: noneLabel, model: null, capabilities: null }] });
  }
  for (const provider of providers) {
    const listed = pickerModels(provider);
    const mine = provider.id === value.providerId;
    const entries = [...listed];
    if (mine && value.model && !entries.some((m) => m.id === value.model)) entries.push({ id: value.model });
    const options: PickerOption[] = entries.map((m) => ({
      key: optionKey(provider.id, m.id),
      providerId: provider.id,
      providerName: provider.name,
      model: m.id,
      capabilities: effectiveCapabilities(m),
    }));
    if (options.length === 0) {
      options.push({ key: optionKey(provider.id, null), providerId: provider.id, providerName: provider.name, model: null, capabilities: null });
    }
    groups.push({ providerId: provider.id, providerName: provider.name, options });
  }
  return groups;
}

/**
 * Every word of the query must appear in the provider's name or the model's id (case and
 * width-insensitive), so "fix reas" finds Fixture's fixture-reasoner. Empty groups are dropped.
 */
export function filterGroups(groups: readonly PickerGroup[], query: string): PickerGroup[] {
  const words = normalise(query).split(/\s+/).filter((w) => w !== '');
  if (words.length === 0) return groups.slice();
  const out: PickerGroup[] = [];
  for (const group of groups) {
    const options = group.options.filter((o) => {
      const haystack = normalise(`${o.providerName} ${o.model ?? ''}`);
      return words.every((w) => haystack.includes(w));
    });
    if (options.length > 0) out.push({ ...group, options });
  }
  return out;
}

function normalise(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

export function flatten(groups: readonly PickerGroup[]): PickerOption[] {
  return groups.flatMap((g) => g.options);
}

/** Where each group's first option sits in the flattened list. */
export function groupStarts(groups: readonly PickerGroup[]): number[] {
  const starts: number[] = [];
  let at = 0;
  for (const group of groups) {
    starts.push(at);
    at += group.options.length;
  }
  return starts;
}

/** The option that stands for a choice: its provider and model, or the provider's default model. */
export function findChosen(options: readonly PickerOption[], value: ModelChoice, providers: readonly PickerProvider[]): number {
  if (value.providerId === null) return options.findIndex((o) => o.providerId === null);
  const provider = providers.find((p) => p.id === value.providerId);
  const model = value.model || provider?.defaultModel || null;
  const exact = options.findIndex((o) => o.providerId === value.providerId && o.model === model);
  if (exact >= 0) return exact;
  return options.findIndex((o) => o.providerId === value.providerId && o.model === null);
}

export type PickerKey = 'ArrowDown' | 'ArrowUp' | 'Home' | 'End' | 'PageDown' | 'PageUp';
const PAGE = 8;

/**
 * Where a key moves the highlight in a list of `count` options. Arrows wrap around (as in
 * most pickers); Home and End jump; -1 means nothing is highlighted (an empty list).
 */
export function moveActive(count: number, active: number, key: PickerKey): number {
  if (count === 0) return -1;
  const last = count - 1;
  switch (key) {
    case 'ArrowDown':
      return active < 0 || active >= last ? 0 : active + 1;
    case 'ArrowUp':
      return active <= 0 ? last : active - 1;
    case 'Home':
      return 0;
    case 'End':
      return last;
    case 'PageDown':
      return Math.min(last, Math.max(active, 0) + PAGE);
    case 'PageUp':
      return Math.max(0, active - PAGE);
  }
}

export function isPickerKey(key: string): key is PickerKey {
  return key === 'ArrowDown' || key === 'ArrowUp' || key === 'Home' || key === 'End' || key === 'PageDown' || key === 'PageUp';
}

/** After the query changes: keep the highlighted option if it survived, else the first one. */
export function keepActive(before: PickerOption | undefined, after: readonly PickerOption[]): number {
  if (after.length === 0) return -1;
  const kept = before ? after.findIndex((o) => o.key === before.key) : -1;
  return kept >= 0 ? kept : 0;
}

/** Fixed-position box of the popover (`top` below the button, `bottom` above it). */
export interface PopoverPlace {
  left: number;
  width: number;
  maxHeight: number;
  top?: number;
  bottom?: number;
}

/**
 * Where the popover goes: below the button, lined up with its end edge if there is room, else
 * its start edge, and always inside the window (narrow windows get a popover as wide as they
 * allow). Above the button only when there is clearly more room there.
 */
export function placePopover(
  anchor: { left: number; right: number; top: number; bottom: number },
  viewport: { width: number; height: number },
  wanted: { width: number; maxHeight: number },
  margin = 8,
): PopoverPlace {
  const width = Math.min(wanted.width, viewport.width - 2 * margin);
  let left = anchor.right - width;
  if (left < margin) left = anchor.left;
  left = Math.max(margin, Math.min(left, viewport.width - margin - width));
  const below = viewport.height - anchor.bottom - margin;
  const aboveRoom = anchor.top - margin;
  const above = below < Math.min(wanted.maxHeight, 240) && aboveRoom > below;
  const maxHeight = Math.max(120, Math.min(wanted.maxHeight, (above ? aboveRoom : below) - 4));
  // Above: pinned by its bottom edge, so a short list still sits right on the button.
  const vertical = above ? { bottom: viewport.height - anchor.top + 4 } : { top: anchor.bottom + 4 };
  return { left, width, maxHeight, ...vertical };
}
