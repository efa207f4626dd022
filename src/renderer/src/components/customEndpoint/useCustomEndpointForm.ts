import { useState } from 'react';
import type { ProviderDraft } from '../../../../shared/contract';
import {
  type CustomEndpoint,
  customEndpointSchema,
  type CustomTestResult,
  exportCustomEndpoint,
  importCustomEndpoint,
} from '../../../../shared/customEndpoint';
import { CUSTOM_ENDPOINT_PRESETS } from '../../../../shared/customEndpointPresets';
import type { ProviderView } from '../../../../shared/domain';
import type { AppErrorData } from '../../../../shared/errors';
import { useController } from '../../state/context';
import { downloadText } from '../../state/download';
import { toErrorData } from '../../state/errors';

export const CUSTOM_PRESET_ID = 'custom-endpoint';

export type CustomTestState = { status: 'idle' } | { status: 'testing' } | { status: 'done'; result: CustomTestResult } | { status: 'error'; error: AppErrorData };

export interface CustomFields {
  name: string;
  model: string;
  endpoint: CustomEndpoint;
}

function initialFields(provider: ProviderView | null): CustomFields {
  if (provider?.custom) return { name: provider.name, model: provider.defaultModel, endpoint: provider.custom };
  return { name: 'My endpoint', model: '', endpoint: structuredClone((CUSTOM_ENDPOINT_PRESETS[0] as { endpoint: CustomEndpoint }).endpoint) };
}

/** The first problem of a description, as `path: message`, or null when it is valid. */
function problemOf(fields: CustomFields): string | null {
  if (fields.name.trim() === '') return 'name: required';
  const parsed = customEndpointSchema.safeParse(fields.endpoint);
  if (parsed.success) return null;
  const issue = parsed.error.issues[0];
  return issue ? `${issue.path.join('.')}: ${issue.message}` : 'invalid';
}

/** State and actions of the custom endpoint form: edit, presets, Test, import/export, save. */
export function useCustomEndpointForm(provider: ProviderView | null, onDone: () => void) {
  const controller = useController();
  const [fields, setFields] = useState(() => initialFields(provider));
  const [test, setTest] = useState<CustomTestState>({ status: 'idle' });
  const [question, setQuestion] = useState('Hello');
  const [problem, setProblem] = useState<string | null>(null);
  const [saveError, setSaveError] = useState<AppErrorData | null>(null);
  const [saving, setSaving] = useState(false);

  const edit = (change: (e: CustomEndpoint) => CustomEndpoint) => {
    setFields((f) => ({ ...f, endpoint: change(f.endpoint) }));
    setProblem(null);
    setSaveError(null);
  };
  const update = (patch: Partial<Omit<CustomFields, 'endpoint'>>) => setFields((f) => ({ ...f, ...patch }));

  const choosePreset = (id: string) => {
    const preset = CUSTOM_ENDPOINT_PRESETS.find((p) => p.id === id);
    if (preset) edit(() => structuredClone(preset.endpoint));
    setTest({ status: 'idle' });
  };

  const draft = (): ProviderDraft | null => {
    const found = problemOf(fields);
    setProblem(found);
    if (found) return null;
    return { name: fields.name.trim(), kind: 'custom', presetId: CUSTOM_PRESET_ID, baseUrl: '', defaultModel: fields.model.trim(), custom: customEndpointSchema.parse(fields.endpoint) };
  };

  const runTest = async () => {
    const d = draft();
    if (!d) return;
    setTest({ status: 'testing' });
    try {
      const result = await controller.settings.testCustomEndpoint({ ...(provider ? { id: provider.id } : {}), draft: d, question });
      setTest({ status: 'done', result });
    } catch (err) {
      setTest({ status: 'error', error: toErrorData(err) });
    }
  };

  const save = async () => {
    const d = draft();
    if (!d || saving) return;
    setSaving(true);
    try {
      await controller.settings.saveProvider(provider?.id, d);
      onDone();
    } catch (err) {
      setSaveError(toErrorData(err));
      setSaving(false);
    }
  };

  const exportJson = () => {
    const safeName = fields.name.trim().replace(/[^\p{L}\p{N}_-]+/gu, '-') || 'endpoint';
    downloadText(`${safeName}.brook-endpoint.json`, 'application/json', [exportCustomEndpoint(fields.name.trim() || 'endpoint', fields.model.trim(), fields.endpoint)]);
  };

  const importJson = (text: string) => {
    const outcome = importCustomEndpoint(text);
    if (!outcome.ok) {
      setProblem(outcome.problem);
      return;
    }
    setFields({ name: outcome.file.name, model: outcome.file.model, endpoint: outcome.file.endpoint });
    setProblem(null);
    setTest({ status: 'idle' });
  };

  return { fields, edit, update, choosePreset, test, question, setQuestion, runTest, save, saving, saveError, problem, exportJson, importJson };
}

export type CustomEndpointFormState = ReturnType<typeof useCustomEndpointForm>;
