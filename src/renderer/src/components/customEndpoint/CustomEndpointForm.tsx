/**
 * The form of the custom provider kind: describe a streaming endpoint (request, stream format,
 * where the text is), Test it against the real server with the frames beside what was read
 * from each, import or export the description as JSON. Shown by the provider form when the
 * "Custom endpoint" preset is chosen; self-contained so the settings page can move it.
 */
import { useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { CUSTOM_PLACEHOLDERS, CUSTOM_STREAM_FORMATS, type CustomEndpoint } from '../../../../shared/customEndpoint';
import { CUSTOM_ENDPOINT_PRESETS } from '../../../../shared/customEndpointPresets';
import type { ProviderView } from '../../../../shared/domain';
import { PROVIDER_PRESETS } from '../../../../shared/presets';
import { useErrorText } from '../../hooks/useErrorText';
import '../../styles/customEndpoint.css';
import { CustomTestPanel } from './CustomFramePreview';
import { ExtractFields } from './ExtractFields';
import { CUSTOM_PRESET_ID, type CustomEndpointFormState, useCustomEndpointForm } from './useCustomEndpointForm';

interface Props {
  provider: ProviderView | null;
  onDone: () => void;
  /** Another provider preset was chosen: back to the ordinary provider form. */
  onLeave: (presetId: string) => void;
}

export function CustomEndpointForm({ provider, onDone, onLeave }: Props) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const id = useId();
  const form = useCustomEndpointForm(provider, onDone);
  return (
    <form
      className="provider-form custom-endpoint"
      data-testid="custom-endpoint-form"
      aria-labelledby={`${id}-title`}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void form.save();
      }}
    >
      <h3 id={`${id}-title`}>{provider ? t('provider.editTitle') : t('provider.addTitle')}</h3>
      <label className="field">
        <span className="field__label">{t('provider.preset')}</span>
        <select data-testid="provider-preset" value={CUSTOM_PRESET_ID} onChange={(e) => onLeave(e.target.value)}>
          {PROVIDER_PRESETS.map((p) => (
            <option key={p.id} value={p.id}>
              {p.id === CUSTOM_PRESET_ID ? t('customEndpoint.kindName') : p.id === 'custom' ? t('provider.presetCustom') : p.name}
            </option>
          ))}
        </select>
      </label>
      <p className="field__hint">{t('customEndpoint.intro')}</p>
      <ShareBar form={form} />
      <NameFields form={form} />
      <RequestFields form={form} />
      <ExtractFields form={form} />
      <CustomTestPanel form={form} />
      {form.problem && (
        <p className="form-error" role="alert" data-testid="custom-problem">
          {t('customEndpoint.problem', { problem: form.problem })}
        </p>
      )}
      {form.saveError && (
        <p className="form-error" role="alert">
          {errorText(form.saveError)}
        </p>
      )}
      <div className="modal__actions">
        <button type="button" className="button" data-testid="provider-cancel" onClick={onDone}>
          {t('common.cancel')}
        </button>
        <button type="submit" className="button button--primary" data-testid="provider-save" disabled={form.saving}>
          {t('common.save')}
        </button>
      </div>
    </form>
  );
}

/** Starting points, and the description as a JSON file to share. */
function ShareBar({ form }: { form: CustomEndpointFormState }) {
  const { t } = useTranslation();
  const file = useRef<HTMLInputElement>(null);
  return (
    <div className="custom-endpoint__bar">
      <label className="field custom-endpoint__grow">
        <span className="field__label">{t('customEndpoint.template')}</span>
        <select data-testid="custom-preset" value="" onChange={(e) => form.choosePreset(e.target.value)}>
          <option value="">{t('customEndpoint.templatePick')}</option>
          {CUSTOM_ENDPOINT_PRESETS.map((p) => (
            <option key={p.id} value={p.id}>
              {t(`customEndpoint.presets.${p.id}`)}
            </option>
          ))}
        </select>
      </label>
      <button type="button" className="button" data-testid="custom-import" onClick={() => file.current?.click()}>
        {t('customEndpoint.import')}
      </button>
      <button type="button" className="button" data-testid="custom-export" onClick={form.exportJson}>
        {t('customEndpoint.export')}
      </button>
      <input
        ref={file}
        type="file"
        accept="application/json,.json"
        hidden
        data-testid="custom-import-file"
        onChange={(e) => {
          const chosen = e.target.files?.[0];
          e.target.value = '';
          if (chosen) void chosen.text().then(form.importJson);
        }}
      />
    </div>
  );
}

function NameFields({ form }: { form: CustomEndpointFormState }) {
  const { t } = useTranslation();
  const { fields, update, edit } = form;
  return (
    <div className="custom-endpoint__row">
      <label className="field">
        <span className="field__label">{t('provider.name')}</span>
        <input data-testid="provider-name" value={fields.name} onChange={(e) => update({ name: e.target.value })} />
      </label>
      <label className="field">
        <span className="field__label">{t('provider.model')}</span>
        <input data-testid="provider-model" spellCheck={false} value={fields.model} onChange={(e) => update({ model: e.target.value })} />
      </label>
      <NumberField label={t('customEndpoint.contextWindow')} testId="custom-context-window" value={fields.endpoint.contextWindow} onChange={(n) => edit((e) => ({ ...e, contextWindow: n }))} />
      <NumberField label={t('customEndpoint.idleTimeout')} testId="custom-idle-timeout" value={fields.endpoint.idleTimeoutSeconds} onChange={(n) => edit((e) => ({ ...e, idleTimeoutSeconds: n }))} />
    </div>
  );
}

function NumberField({ label, testId, value, onChange }: { label: string; testId: string; value: number; onChange: (n: number) => void }) {
  return (
    <label className="field">
      <span className="field__label">{label}</span>
      <input data-testid={testId} type="number" inputMode="numeric" step={1} value={Number.isFinite(value) ? value : ''} onChange={(e) => onChange(e.target.valueAsNumber)} />
    </label>
  );
}

type Request = CustomEndpoint['request'];

/** Method, URL, headers (secret ones kept in the secret store) and the body template. */
function RequestFields({ form }: { form: CustomEndpointFormState }) {
  const { t } = useTranslation();
  const { endpoint } = form.fields;
  const request = endpoint.request;
  const setRequest = (patch: Partial<Request>) => form.edit((e) => ({ ...e, request: { ...e.request, ...patch } }));
  const websocket = endpoint.stream.format === 'websocket';
  return (
    <fieldset className="custom-endpoint__group">
      <legend>{t('customEndpoint.request')}</legend>
      <div className="custom-endpoint__row">
        <label className="field">
          <span className="field__label">{t('customEndpoint.format')}</span>
          <select data-testid="custom-format" value={endpoint.stream.format} onChange={(e) => form.edit((x) => ({ ...x, stream: { ...x.stream, format: e.target.value as CustomEndpoint['stream']['format'] } }))}>
            {CUSTOM_STREAM_FORMATS.map((f) => (
              <option key={f} value={f}>
                {t(`customEndpoint.formats.${f}`)}
              </option>
            ))}
          </select>
        </label>
        {!websocket && (
          <label className="field">
            <span className="field__label">{t('customEndpoint.method')}</span>
            <select data-testid="custom-method" value={request.method} onChange={(e) => setRequest({ method: e.target.value as Request['method'] })}>
              <option value="POST">POST</option>
              <option value="GET">GET</option>
            </select>
          </label>
        )}
        {endpoint.stream.format === 'sse' && (
          <label className="field">
            <span className="field__label">{t('customEndpoint.sseEvent')}</span>
            <input data-testid="custom-sse-event" spellCheck={false} placeholder={t('customEndpoint.sseEventAny')} value={endpoint.stream.sseEvent} onChange={(e) => form.edit((x) => ({ ...x, stream: { ...x.stream, sseEvent: e.target.value } }))} />
          </label>
        )}
      </div>
      <label className="field">
        <span className="field__label">{t('customEndpoint.url')}</span>
        <input data-testid="custom-url" type="url" spellCheck={false} value={request.url} onChange={(e) => setRequest({ url: e.target.value })} />
        <span className="field__hint">{t('customEndpoint.urlHint', { example: '?q={{last_user_message}}' })}</span>
      </label>
      <HeaderRows form={form} />
      {(websocket || request.method === 'POST') && (
        <label className="field">
          <span className="field__label">{websocket ? t('customEndpoint.firstMessage') : t('customEndpoint.body')}</span>
          <textarea data-testid="custom-body" className="custom-endpoint__code" rows={4} spellCheck={false} value={request.body} onChange={(e) => setRequest({ body: e.target.value })} />
          <span className="field__hint">{t('customEndpoint.placeholders', { list: CUSTOM_PLACEHOLDERS.map((p) => `{{${p}}}`).join(' ') })}</span>
        </label>
      )}
    </fieldset>
  );
}

function HeaderRows({ form }: { form: CustomEndpointFormState }) {
  const { t } = useTranslation();
  const headers = form.fields.endpoint.request.headers;
  const setHeaders = (next: Request['headers']) => form.edit((e) => ({ ...e, request: { ...e.request, headers: next } }));
  const change = (i: number, patch: Partial<Request['headers'][number]>) => setHeaders(headers.map((h, j) => (j === i ? { ...h, ...patch } : h)));
  return (
    <div className="custom-endpoint__headers">
      <span className="field__label">{t('customEndpoint.headers')}</span>
      {headers.map((h, i) => (
        <div className="custom-endpoint__header" key={i} data-testid="custom-header">
          <input aria-label={t('customEndpoint.headerName')} spellCheck={false} value={h.name} placeholder="Authorization" onChange={(e) => change(i, { name: e.target.value })} />
          <input
            aria-label={t('customEndpoint.headerValue')}
            type={h.secret ? 'password' : 'text'}
            autoComplete="off"
            spellCheck={false}
            value={h.value}
            placeholder={h.secret ? t('customEndpoint.secretKept') : ''}
            onChange={(e) => change(i, { value: e.target.value })}
          />
          <label className="custom-endpoint__check">
            <input type="checkbox" checked={h.secret} onChange={(e) => change(i, { secret: e.target.checked })} />
            {t('customEndpoint.secret')}
          </label>
          <button type="button" className="button" aria-label={t('common.remove')} onClick={() => setHeaders(headers.filter((_, j) => j !== i))}>
            ×
          </button>
        </div>
      ))}
      <button type="button" className="button" data-testid="custom-add-header" onClick={() => setHeaders([...headers, { name: '', value: '', secret: false }])}>
        {t('customEndpoint.addHeader')}
      </button>
    </div>
  );
}
