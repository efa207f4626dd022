import type { ModelCapabilities, ProviderModel } from '../../../../shared/domain';

/** One row of the model manager: a model the server, the preset or the user offered. */
export interface ModelRow {
  id: string;
  /** Shown in the chat's picker (saved with the provider). */
  ticked: boolean;
  /** The user's own settings for it, when ticked. */
  entry: ProviderModel;
}

/**
 * The rows to show: ticked models first (in their order), then the fetched and known ones;
 * `query` filters by a case-insensitive substring.
 */
export function modelRows(ticked: readonly ProviderModel[], offered: readonly string[], query: string): ModelRow[] {
  const rows: ModelRow[] = ticked.map((entry) => ({ id: entry.id, ticked: true, entry }));
  const seen = new Set(rows.map((r) => r.id));
  for (const id of offered) {
    if (seen.has(id) || id.trim() === '') continue;
    seen.add(id);
    rows.push({ id, ticked: false, entry: { id } });
  }
  const q = query.trim().toLowerCase();
  return q === '' ? rows : rows.filter((r) => r.id.toLowerCase().includes(q));
}

/** Ticks or unticks a model; unticking drops its settings. */
export function toggleModel(ticked: readonly ProviderModel[], id: string, on: boolean): ProviderModel[] {
  const without = ticked.filter((m) => m.id !== id);
  return on ? [...without, { id }] : without;
}

/** Adds a model typed by hand (ticked); a name already in the list is left as it is. */
export function addModel(ticked: readonly ProviderModel[], typed: string): ProviderModel[] {
  const id = typed.trim();
  if (id === '' || ticked.some((m) => m.id === id)) return [...ticked];
  return [...ticked, { id }];
}

/**
 * Sets one capability of a model. A value equal to the catalog's is not kept, so the catalog
 * can still improve a model the user never changed.
 */
export function setCapability<K extends keyof ModelCapabilities>(
  ticked: readonly ProviderModel[],
  id: string,
  known: ModelCapabilities,
  key: K,
  value: ModelCapabilities[K],
): ProviderModel[] {
  return ticked.map((m) => {
    if (m.id !== id) return m;
    const capabilities: Partial<ModelCapabilities> = { ...m.capabilities };
    if (known[key] === value) delete capabilities[key];
    else capabilities[key] = value;
    return Object.keys(capabilities).length > 0 ? { id: m.id, capabilities } : { id: m.id };
  });
}

/** The default model: the chosen one while it is ticked, else the first ticked (or none). */
export function defaultAmong(ticked: readonly ProviderModel[], chosen: string): string {
  return ticked.some((m) => m.id === chosen) ? chosen : (ticked[0]?.id ?? '');
}

/** 128000 → "128K", 1048576 → "1M": how context windows are usually quoted. */
export function contextLabel(tokens: number): { key: 'models.contextK' | 'models.contextM'; count: number } {
  // Powers of two are quoted in KiB (131072 → 128K), round numbers in thousands (200000 → 200K).
  const binary = tokens % 1000 !== 0;
  if (tokens >= 1_000_000) return { key: 'models.contextM', count: Math.round((tokens / (binary ? 1_048_576 : 1_000_000)) * 10) / 10 };
  return { key: 'models.contextK', count: Math.round(tokens / (binary ? 1024 : 1000)) };
}
