import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_TOOL_ROUNDS_FINISH, type ToolResultContent, type ToolStep } from '../../../../shared/toolCalls';
import { useErrorText } from '../../hooks/useErrorText';
import { useController } from '../../state/context';
import { toErrorData } from '../../state/errors';
import { ImageViewer } from '../attachments/ImageViewer';
import { Thumbnail } from '../attachments/MessageAttachments';

interface Props {
  conversationId: string;
  steps: readonly ToolStep[];
  /** The answer is still being written: the timeline stays open, running steps spin, waiting ones ask. */
  live: boolean;
  finishReason: string | null;
}

/**
 * The tools an answer called, each as a step: server and tool, its arguments (text, never
 * HTML), a spinner while it runs, then its duration and result, or its error. A waiting step
 * asks for approval in place. Once the answer is done: one line ("Used 3 tools") that opens it.
 */
export function ToolSteps({ conversationId, steps, live, finishReason }: Props) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const expanded = live || open;
  const made = steps.filter((s) => s.status !== 'skipped').length;
  return (
    <section className="search-steps tool-steps" data-testid="tool-steps" aria-label={t('toolCalls.steps')}>
      {!live && (
        <button type="button" className="search-steps__summary" data-testid="tool-summary" aria-expanded={open} onClick={() => setOpen((o) => !o)}>
          <span className={`search-steps__chevron${open ? ' is-open' : ''}`} aria-hidden="true" />
          {t('toolCalls.usedTools', { count: made })}
        </button>
      )}
      {expanded && (
        <ol className="search-steps__list" aria-live={live ? 'polite' : undefined}>
          {steps.map((step) => (
            <ToolStepRow key={step.id} conversationId={conversationId} step={step} live={live} />
          ))}
        </ol>
      )}
      {finishReason === MAX_TOOL_ROUNDS_FINISH && (
        <p className="tool-steps__note" data-testid="tool-max-rounds">
          {/* The calls of the round past the limit are the skipped ones: the rounds made come before it. */}
          {t('toolCalls.maxRoundsNote', { rounds: steps.reduce((m, s) => Math.max(m, s.round - 1), 0) })}
        </p>
      )}
    </section>
  );
}

const ICONS: Record<string, string> = { done: '✓', error: '✕', denied: '⊘', stopped: '■', skipped: '–', waiting: '?' };

function ToolStepRow({ conversationId, step, live }: { conversationId: string; step: ToolStep; live: boolean }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  // A step still waiting or running in a finished answer was cut off by Stop or a crash.
  const status = !live && (step.status === 'running' || step.status === 'waiting') ? 'stopped' : step.status;
  const cls = status === 'error' ? 'failed' : status === 'denied' || status === 'stopped' ? 'skipped' : status;
  return (
    <li className={`search-step tool-step is-${cls}`} data-testid="tool-step" data-step={step.id} data-status={status}>
      <span className="search-step__icon" aria-hidden="true">
        {status === 'running' ? <span className="spinner spinner--small" /> : ICONS[status]}
      </span>
      <span className="search-step__text tool-step__text">
        <span className="search-step__label">
          {step.serverName ? `${step.serverName} · ` : ''}
          <code className="tool-step__tool">{step.tool}</code>
        </span>
        <span className="tool-step__status" data-testid="tool-step-status">
          {status === 'done' ? t('toolCalls.step.done', { duration: formatDuration(step.durationMs ?? 0) }) : t(`toolCalls.step.${status}`)}
          {status === 'running' && step.progress && (
            <> · {step.progress.total !== null ? t('toolCalls.progress', { progress: step.progress.progress, total: step.progress.total }) : t('toolCalls.progressNoTotal', { progress: step.progress.progress })}</>
          )}
          {step.approval !== 'pending' && status !== 'denied' && <> · {t(`toolCalls.approval.${step.approval}`)}</>}
        </span>
        {/* Open while the call waits: the user approves what they can see. */}
        <details className="tool-step__arguments" open={status === 'waiting' || undefined}>
          <summary>{t('toolCalls.arguments')}</summary>
          <pre data-testid="tool-step-arguments">{prettyJson(step.arguments)}</pre>
        </details>
        {status === 'waiting' && <Approval conversationId={conversationId} step={step} />}
        {step.result && <ToolResult parts={step.result} />}
        {step.capped && <span className="search-step__reason">{t('toolCalls.capped', { size: formatBytes(step.sentToModel.length) })}</span>}
        {step.error && (
          <span className="search-step__reason" data-testid="tool-step-error">
            {errorText(step.error)}
          </span>
        )}
      </span>
    </li>
  );
}

function Approval({ conversationId, step }: { conversationId: string; step: ToolStep }) {
  const { t } = useTranslation();
  const controller = useController();
  const [sent, setSent] = useState(false);
  const decide = (decision: 'once' | 'always' | 'deny') => {
    setSent(true);
    controller.client.request('toolCalls.approve', { conversationId, stepId: step.id, decision }).catch((err: unknown) => {
      setSent(false);
      controller.store.setState({ notice: toErrorData(err) });
    });
  };
  return (
    <span className="tool-step__approval" role="group" aria-label={t('toolCalls.approve.question', { tool: step.tool, server: step.serverName })}>
      <span className="tool-step__question">{t('toolCalls.approve.question', { tool: step.tool, server: step.serverName })}</span>
      <button type="button" className="button button--primary" data-testid="tool-allow-once" disabled={sent} onClick={() => decide('once')}>
        {t('toolCalls.approve.once')}
      </button>
      <button type="button" className="button" data-testid="tool-allow-always" disabled={sent} onClick={() => decide('always')}>
        {t('toolCalls.approve.always')}
      </button>
      <button type="button" className="button" data-testid="tool-deny" disabled={sent} onClick={() => decide('deny')}>
        {t('toolCalls.approve.deny')}
      </button>
    </span>
  );
}

const SUMMARY_CHARS = 160;

/** The first line of the result, expandable to all of it: text as text, images as images, resources by their address. */
function ToolResult({ parts }: { parts: readonly ToolResultContent[] }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const text = parts.map((p) => (p.type === 'text' ? p.text : p.type === 'resource' ? (p.text ?? p.uri) : '')).join('\n');
  const summary = text.length > SUMMARY_CHARS ? `${text.slice(0, SUMMARY_CHARS)}…` : text;
  const images = parts.filter((p) => p.type === 'image');
  const stored = parts.filter((p) => p.type === 'attachment');
  const long = text.length > SUMMARY_CHARS || parts.some((p) => p.type === 'resource');
  return (
    <span className="tool-step__result" data-testid="tool-step-result">
      {!open && summary !== '' && <span className="tool-step__summary">{summary}</span>}
      {images.map((p, i) => (
        <img key={i} className="tool-step__image" src={`data:${p.mimeType};base64,${p.data}`} alt={t('toolCalls.image')} />
      ))}
      {stored.length > 0 && <StoredImages images={stored.map((p) => ({ id: p.attachmentId, name: p.name }))} />}
      {long && (
        <button type="button" className="link-button" aria-expanded={open} onClick={() => setOpen((o) => !o)}>
          {open ? t('toolCalls.hideResult') : t('toolCalls.showResult')}
        </button>
      )}
      {open &&
        parts.map((p, i) =>
          p.type === 'text' ? (
            <pre key={i} className="tool-step__full">{p.text}</pre>
          ) : p.type === 'resource' ? (
            <span key={i} className="tool-step__resource">
              {t('toolCalls.resource', { uri: p.uri })}
              {p.text !== undefined && <pre className="tool-step__full">{p.text}</pre>}
            </span>
          ) : null,
        )}
    </span>
  );
}

/** Image results kept in the attachment store: thumbnails from the store (offline, after a restart) that open the viewer. */
function StoredImages({ images }: { images: readonly { id: string; name: string }[] }) {
  const { t } = useTranslation();
  const controller = useController();
  const [open, setOpen] = useState<number | null>(null);
  const load = useCallback((id: string) => controller.attachments.image(id), [controller]);
  const close = useCallback(() => setOpen(null), []);
  return (
    <span className="tool-step__images">
      {images.map((image, i) => (
        <button
          key={image.id}
          type="button"
          className="message-attachment message-attachment--image"
          data-testid="tool-step-image"
          aria-label={t('toolCalls.storedImage', { name: image.name })}
          title={image.name}
          onClick={() => setOpen(i)}
        >
          <Thumbnail id={image.id} />
        </button>
      ))}
      {open !== null && <ImageViewer images={images} startIndex={open} load={load} onClose={close} />}
    </span>
  );
}

function prettyJson(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}

function formatDuration(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(1)} s`;
}

function formatBytes(bytes: number): string {
  return bytes < 1024 ? `${bytes} B` : `${Math.round(bytes / 1024)} KB`;
}
