import { useState } from 'react';
import { type ProviderDraft, providerDraftSchema } from '../../../../shared/contract';
import type { ProviderKind, ProviderView } from '../../../../shared/domain';
import { CREDENTIAL_FIELDS, type CredentialField } from '../../../../shared/providerCatalog';
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
  /** Spark's APPID (plain text, shown again when editing). */
  appId: string;
  /** Like apiKey: empty keeps the stored secret when editing. */
  apiSecret: string;
  removeSecret: boolean;
  /** Tokens as typed; empty lets Brook decide from the model. */
  contextWindow: string;
}

export type TestState =
  | { status: 'idle' }
  | { status: 'testing' }
  | { status: 'ok'; models: string[] }
  | { status: 'error'; error: AppErrorData };

export type InvalidField = 'name' | 'baseUrl' | 'model' | 'apiKey' | 'appId' | 'apiSecret' | 'contextWindow';

function fieldsFor(provider: ProviderView | null): ProviderFields {
  if (provider) {
    const { presetId, name, baseUrl, defaultModel, appId, contextWindow } = provider;
    return {
      presetId,
      name,
      baseUrl,
      model: defaultModel,
      ...EMPTY_CREDENTIALS,
      appId: appId ?? '',
      contextWindow: contextWindow === null ? '' : String(contextWindow),
    };
  }
  const preset = PROVIDER_PRESETS[0]!;
  return { presetId: preset.id, name: preset.name, baseUrl: preset.baseUrl, model: preset.defaultModel, ...EMPTY_CREDENTIALS, contextWindow: '' };
}

const EMPTY_CREDENTIALS = { apiKey: '', removeKey: false, appId: '', apiSecret: '', removeSecret: false } as const;

export function kindOf(presetId: string): ProviderKind {
  return findPreset(presetId)?.kind ?? 'openai-compatible';
}

function uses(kind: ProviderKind, name: CredentialField['name']): boolean {
  return CREDENTIAL_FIELDS[kind].some((f) => f.name === name);
}

function buildDraft(f: ProviderFields): ProviderDraft {
  const kind = kindOf(f.presetId);
  const window = f.contextWindow.trim();
  const draft: ProviderDraft = {
    name: f.name,
    kind,
    presetId: f.presetId,
    baseUrl: f.baseUrl,
    defaultModel: f.model,
    appId: uses(kind, 'appId') ? f.appId.trim() || null : null,
    contextWindow: window === '' ? null : Number(window),
  };
  if (f.removeKey) draft.apiKey = null;
  else if (f.apiKey !== '') draft.apiKey = f.apiKey;
  if (!uses(kind, 'apiSecret')) {
    // A kind without a secret keeps none from an earlier kind.
    draft.apiSecret = null;
  } else if (f.removeSecret) draft.apiSecret = null;
  else if (f.apiSecret !== '') draft.apiSecret = f.apiSecret;
  return draft;
}

const FIELD_OF: Record<string, InvalidField> = {
  name: 'name',
  baseUrl: 'baseUrl',
  defaultModel: 'model',
  apiKey: 'apiKey',
  appId: 'appId',
  apiSecret: 'apiSecret',
  contextWindow: 'contextWindow',
};

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
  const kind = kindOf(fields.presetId);
  const credentials = CREDENTIAL_FIELDS[kind];
  /** Required credentials that are neither typed nor stored (a hint; the core decides). */
  const missing = new Set<CredentialField['name']>();
  for (const field of credentials) {
    const required = field.name === 'apiKey' && credentials.length === 1 ? preset?.requiresKey === true : field.required;
    if (!required) continue;
    if (field.name === 'appId' && fields.appId.trim() === '') missing.add('appId');
    if (field.name === 'apiKey' && fields.apiKey === '' && (fields.removeKey || !provider?.hasKey)) missing.add('apiKey');
    if (field.name === 'apiSecret' && fields.apiSecret === '' && (fields.removeSecret || !provider?.hasSecret)) {
      missing.add('apiSecret');
    }
  }

  return { fields, update, choosePreset, test, runTest, save, saving, saveError, invalid, suggestions, kind, credentials, missing };
}
