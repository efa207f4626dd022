import { useTranslation } from 'react-i18next';
import type { CustomEndpoint, CustomEnd } from '../../../../shared/customEndpoint';
import type { CustomEndpointFormState } from './useCustomEndpointForm';

type Extract = CustomEndpoint['extract'];

/** Where the text is in each frame, delta or full text, reasoning, the end signal and error frames. */
export function ExtractFields({ form }: { form: CustomEndpointFormState }) {
  const { t } = useTranslation();
  const extract = form.fields.endpoint.extract;
  const set = (patch: Partial<Extract>) => form.edit((e) => ({ ...e, extract: { ...e.extract, ...patch } }));
  return (
    <fieldset className="custom-endpoint__group">
      <legend>{t('customEndpoint.extraction')}</legend>
      <p className="field__hint">{t('customEndpoint.pathHint')}</p>
      <div className="custom-endpoint__row">
        <PathField label={t('customEndpoint.textPath')} testId="custom-text-path" value={extract.text} placeholder={t('customEndpoint.wholeData')} onChange={(text) => set({ text })} />
        <label className="field">
          <span className="field__label">{t('customEndpoint.mode')}</span>
          <select data-testid="custom-mode" value={extract.mode} onChange={(e) => set({ mode: e.target.value as Extract['mode'] })}>
            <option value="delta">{t('customEndpoint.modeDelta')}</option>
            <option value="full">{t('customEndpoint.modeFull')}</option>
          </select>
        </label>
        <PathField label={t('customEndpoint.reasoningPath')} testId="custom-reasoning-path" value={extract.reasoning} placeholder={t('customEndpoint.none')} onChange={(reasoning) => set({ reasoning })} />
      </div>
      <label className="custom-endpoint__check">
        <input type="checkbox" data-testid="custom-skip" checked={extract.skipFramesWithoutText} onChange={(e) => set({ skipFramesWithoutText: e.target.checked })} />
        {t('customEndpoint.skipFrames')}
      </label>
      <EndFields end={extract.end} onChange={(end) => set({ end })} />
      <ErrorFields rule={extract.error} onChange={(error) => set({ error })} />
    </fieldset>
  );
}

function PathField({ label, testId, value, placeholder, onChange }: { label: string; testId: string; value: string; placeholder: string; onChange: (v: string) => void }) {
  return (
    <label className="field">
      <span className="field__label">{label}</span>
      <input data-testid={testId} className="custom-endpoint__code" spellCheck={false} value={value} placeholder={placeholder} onChange={(e) => onChange(e.target.value)} />
    </label>
  );
}

function EndFields({ end, onChange }: { end: CustomEnd; onChange: (end: CustomEnd) => void }) {
  const { t } = useTranslation();
  const choose = (kind: CustomEnd['kind']) => {
    if (kind === 'literal') onChange({ kind, value: '[DONE]' });
    else if (kind === 'match') onChange({ kind, path: '$.done', value: 'true' });
    else onChange({ kind });
  };
  return (
    <div className="custom-endpoint__row">
      <label className="field">
        <span className="field__label">{t('customEndpoint.end')}</span>
        <select data-testid="custom-end-kind" value={end.kind} onChange={(e) => choose(e.target.value as CustomEnd['kind'])}>
          <option value="literal">{t('customEndpoint.endLiteral')}</option>
          <option value="match">{t('customEndpoint.endMatch')}</option>
          <option value="close">{t('customEndpoint.endClose')}</option>
        </select>
      </label>
      {end.kind === 'literal' && <PathField label={t('customEndpoint.endValue')} testId="custom-end-value" value={end.value} placeholder="[DONE]" onChange={(value) => onChange({ ...end, value })} />}
      {end.kind === 'match' && (
        <>
          <PathField label={t('customEndpoint.endPath')} testId="custom-end-path" value={end.path} placeholder="$.header.status" onChange={(path) => onChange({ ...end, path })} />
          <PathField label={t('customEndpoint.endEquals')} testId="custom-end-value" value={end.value} placeholder="2" onChange={(value) => onChange({ ...end, value })} />
        </>
      )}
    </div>
  );
}

function ErrorFields({ rule, onChange }: { rule: Extract['error']; onChange: (rule: Extract['error']) => void }) {
  const { t } = useTranslation();
  return (
    <div className="custom-endpoint__row">
      <label className="custom-endpoint__check">
        <input type="checkbox" data-testid="custom-error-on" checked={rule !== null} onChange={(e) => onChange(e.target.checked ? { path: '$.code', okValue: '0', messagePath: '$.msg' } : null)} />
        {t('customEndpoint.errorFrames')}
      </label>
      {rule && (
        <>
          <PathField label={t('customEndpoint.errorPath')} testId="custom-error-path" value={rule.path} placeholder="$.code" onChange={(path) => onChange({ ...rule, path })} />
          <PathField label={t('customEndpoint.errorOk')} testId="custom-error-ok" value={rule.okValue} placeholder={t('customEndpoint.errorOkAny')} onChange={(okValue) => onChange({ ...rule, okValue })} />
          <PathField label={t('customEndpoint.errorMessage')} testId="custom-error-message" value={rule.messagePath} placeholder="$.msg" onChange={(messagePath) => onChange({ ...rule, messagePath })} />
        </>
      )}
    </div>
  );
}
