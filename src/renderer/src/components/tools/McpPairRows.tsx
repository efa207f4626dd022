import { useTranslation } from 'react-i18next';
import type { McpPair } from '../../../../shared/contract';

interface Props {
  /** 'env' or 'headers': names the rows for tests and labels. */
  kind: 'env' | 'headers';
  pairs: McpPair[];
  /** Names whose secret value is stored (an empty secret field keeps it). */
  stored: string[];
  onChange: (pairs: McpPair[]) => void;
}

/** Environment variables or headers, one row each, with a "secret" tick that sends the value to the secret store. */
export function McpPairRows({ kind, pairs, stored, onChange }: Props) {
  const { t } = useTranslation();
  const change = (i: number, patch: Partial<McpPair>) => onChange(pairs.map((p, j) => (j === i ? { ...p, ...patch } : p)));
  return (
    <fieldset className="mcp-pairs" data-testid={`mcp-${kind}`}>
      <legend className="field__label">{t(`mcp.form.${kind}`)}</legend>
      {pairs.map((p, i) => (
        <div className="mcp-pairs__row" key={i} data-testid={`mcp-${kind}-row`}>
          <input aria-label={t('mcp.form.pairName')} spellCheck={false} value={p.name} placeholder={kind === 'env' ? 'API_KEY' : 'Authorization'} onChange={(e) => change(i, { name: e.target.value })} />
          <input
            aria-label={t('mcp.form.pairValue')}
            type={p.secret ? 'password' : 'text'}
            autoComplete="off"
            spellCheck={false}
            value={p.value}
            placeholder={p.secret && stored.includes(p.name) ? t('mcp.form.secretKept') : ''}
            onChange={(e) => change(i, { value: e.target.value })}
          />
          <label className="mcp-pairs__secret">
            <input type="checkbox" data-testid={`mcp-${kind}-secret`} checked={p.secret} onChange={(e) => change(i, { secret: e.target.checked })} />
            {t('mcp.form.secret')}
          </label>
          <button type="button" className="button" aria-label={t('mcp.form.removeRow')} onClick={() => onChange(pairs.filter((_, j) => j !== i))}>
            ×
          </button>
        </div>
      ))}
      <button type="button" className="button" data-testid={`mcp-add-${kind}`} onClick={() => onChange([...pairs, { name: '', value: '', secret: false }])}>
        {t(`mcp.form.add_${kind}`)}
      </button>
    </fieldset>
  );
}
