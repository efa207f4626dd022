import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ProviderDraft, providerDraftSchema } from '../../../../shared/contract';
import type { ProviderKind, ProviderModel, ProviderView } from '../../../../shared/domain';
import { CREDENTIAL_FIELDS, type CredentialField } from '../../../../shared/providerCatalog';
import type { AppErrorData } from '../../../../shared/errors';
import { findPreset, PROVIDER_PRESETS, type ProviderPreset } from '../../../../shared/presets';
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
  /** The ticked models (the model manager); `model` is the default among them. */
  models: ProviderModel[];
}

export type TestState =
  | { status: 'idle' }
  | { status: 'testing' }
  | { status: 'ok'; models: string[] }
  | { status: 'error'; error: AppErrorData }
  /** A required key is neither typed nor saved: the server is not asked. */
  | { status: 'needsKey'; field: CredentialField };

export type InvalidField = 'name' | 'baseUrl' | 'model' | 'apiKey' | 'appId' | 'apiSecret' | 'contextWindow';

function fieldsFor(provider: ProviderView | null): ProviderFields {
  if (provider) {
    const { presetId, name, baseUrl, defaultModel, appId, contextWindow, models } = provider;
    return {
      presetId,
      name,
      baseUrl,
      model: defaultModel,
      models: [...models],
      ...EMPTY_CREDENTIALS,
      appId: appId ?? '',
      contextWindow: contextWindow === null ? '' : String(contextWindow),
    };
  }
  return { ...presetFields(PROVIDER_PRESETS[0]!), ...EMPTY_CREDENTIALS, contextWindow: '' };
}

/** A preset's address, name and models (its known models ticked, the first the default). */
function presetFields(preset: ProviderPreset): Pick<ProviderFields, 'presetId' | 'name' | 'baseUrl' | 'model' | 'models'> {
  const models = preset.knownModels.map((id) => ({ id }));
  return { presetId: preset.id, name: preset.name, baseUrl: preset.baseUrl, model: preset.defaultModel, models };
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
    models: f.models,
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
  const { t } = useTranslation();
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
    // The name in the user's language (星火, 千帆…); it stays editable.
    update({ ...presetFields(preset), name: t(`presets.name.${preset.id}`, { defaultValue: preset.name }) });
    setTest({ status: 'idle' });
  };

  const missing = missingCredentials(fields, provider);

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
    const needed = CREDENTIAL_FIELDS[draft.kind].find((f) => missing.has(f.name));
    if (needed) {
      setTest({ status: 'needsKey', field: needed });
      return;
    }
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
    if (fields.models.length === 0) {
      setInvalid(new Set(['model']));
      return;
    }
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

  /** What the model manager offers to tick: the server's list once tested, else the preset's. */
  const offered = test.status === 'ok' && test.models.length > 0 ? test.models : (findPreset(fields.presetId)?.knownModels ?? []);
  const kind = kindOf(fields.presetId);
  const credentials = CREDENTIAL_FIELDS[kind];
  return { fields, update, choosePreset, test, runTest, save, saving, saveError, invalid, offered, kind, credentials, missing };
}

/** Required credentials that are neither typed nor stored (a hint; the core decides). */
function missingCredentials(fields: ProviderFields, provider: ProviderView | null): Set<CredentialField['name']> {
  const preset = findPreset(fields.presetId);
  const credentials = CREDENTIAL_FIELDS[kindOf(fields.presetId)];
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
  return missing;
}
