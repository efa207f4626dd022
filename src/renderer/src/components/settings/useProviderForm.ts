import { useState } from 'react';
import { type ProviderDraft, providerDraftSchema } from '../../../../shared/contract';
import type { ProviderView } from '../../../../shared/domain';
import type { AppErrorData } from '../../../../shared/errors';
import { findPreset, PROVIDER_PRESETS } from '../../../../shared/presets';
import { useController } from '../../state/context';
import { toErrorData } from '../../state/errors';

export interface ProviderFields {
  presetId: string;
  name: string;
  baseUrl: string;
  model: string;
  /** Empty keeps the stored key (when editing) or means "no key" (when adding). */
  apiKey: string;
  removeKey: boolean;
}

export type TestState =
  | { status: 'idle' }
  | { status: 'testing' }
  | { status: 'ok'; models: string[] }
  | { status: 'error'; error: AppErrorData };

export type InvalidField = 'name' | 'baseUrl' | 'model' | 'apiKey';

function fieldsFor(provider: ProviderView | null): ProviderFields {
  if (provider) {
    const { presetId, name, baseUrl, defaultModel } = provider;
    return { presetId, name, baseUrl, model: defaultModel, apiKey: '', removeKey: false };
  }
  const preset = PROVIDER_PRESETS[0]!;
  return { presetId: preset.id, name: preset.name, baseUrl: preset.baseUrl, model: preset.defaultModel, apiKey: '', removeKey: false };
}

function buildDraft(f: ProviderFields): ProviderDraft {
  const kind = findPreset(f.presetId)?.kind ?? 'openai-compatible';
  const draft: ProviderDraft = { name: f.name, kind, presetId: f.presetId, baseUrl: f.baseUrl, defaultModel: f.model };
  if (f.removeKey) draft.apiKey = null;
  else if (f.apiKey !== '') draft.apiKey = f.apiKey;
  return draft;
}

const FIELD_OF: Record<string, InvalidField> = { name: 'name', baseUrl: 'baseUrl', defaultModel: 'model', apiKey: 'apiKey' };

/** State and actions of the add/edit provider form. */
export function useProviderForm(provider: ProviderView | null, onDone: () => void) {
  const controller = useController();
  const [fields, setFields] = useState(() => fieldsFor(provider));
  const [test, setTest] = useState<TestState>({ status: 'idle' });
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<AppErrorData | null>(null);
  const [invalid, setInvalid] = useState<ReadonlySet<InvalidField>>(new Set());

  const update = (patch: Partial<ProviderFields>) => {
    setFields((f) => ({ ...f, ...patch }));
    setSaveError(null);
    if (invalid.size > 0) setInvalid(new Set());
  };

  const choosePreset = (presetId: string) => {
    const preset = findPreset(presetId);
    if (!preset) return;
    update({ presetId, name: preset.name, baseUrl: preset.baseUrl, model: preset.defaultModel });
    setTest({ status: 'idle' });
  };

  /** The draft when the fields are valid; otherwise marks the bad fields and returns null. */
  const validDraft = (): ProviderDraft | null => {
    const parsed = providerDraftSchema.safeParse(buildDraft(fields));
    if (parsed.success) return parsed.data;
    const bad = new Set<InvalidField>();
    for (const issue of parsed.error.issues) {
      const field = FIELD_OF[String(issue.path[0])];
      if (field) bad.add(field);
    }
    setInvalid(bad);
    return null;
  };

  const runTest = async () => {
    const draft = validDraft();
    if (!draft) return;
    setTest({ status: 'testing' });
    try {
      const result = await controller.settings.testProvider(provider ? { id: provider.id, draft } : { draft });
      setTest({ status: 'ok', models: result.models });
    } catch (err) {
      setTest({ status: 'error', error: toErrorData(err) });
    }
  };

  const save = async () => {
    const draft = validDraft();
    if (!draft || saving) return;
    setSaving(true);
    setSaveError(null);
    try {
      await controller.settings.saveProvider(provider?.id, draft);
      onDone();
    } catch (err) {
      setSaveError(toErrorData(err));
      setSaving(false);
    }
  };

  const preset = findPreset(fields.presetId);
  const suggestions = test.status === 'ok' && test.models.length > 0 ? test.models : (preset?.knownModels ?? []);
  const keyMissing = preset?.requiresKey === true && fields.apiKey === '' && (fields.removeKey || !provider?.hasKey);

  return { fields, update, choosePreset, test, runTest, save, saving, saveError, invalid, suggestions, keyMissing };
}
