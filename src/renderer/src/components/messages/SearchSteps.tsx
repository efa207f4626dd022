import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { OpenSettingsLink } from '../settings/OpenSettingsLink';
import { searchSummary, type WebSearchRecord, type WebSearchStep } from '../../../../shared/webSearch';
import { useErrorText } from '../../hooks/useErrorText';

interface Props {
  record: WebSearchRecord;
  /** The answer is still being written: the timeline stays open and the running step spins. */
  live: boolean;
}

/**
 * The search the user watches: each step with its detail while it runs, then one summary
 * line ("Searched 2 queries · read 5 pages") that opens the same timeline again.
 */
export function SearchSteps({ record, live }: Props) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const summary = searchSummary(record);
  const expanded = live || open;
  const line = summary.failed
    ? t('webSearch.summaryFailed')
    : summary.skipped
      ? // A skipped search names its engine when the model cannot search; none when no engine is set up.
        t(summary.nativeEngine ? 'webSearch.summarySkipped' : 'webSearch.summaryNotSetUp')
      : summary.nativeEngine
        ? record.sources.length > 0
          ? t('webSearch.summaryNativeSources', { engine: summary.nativeEngine, count: record.sources.length })
          : t('webSearch.summaryNative', { engine: summary.nativeEngine })
        : t('webSearch.summary', {
        queries: t('webSearch.queries', { count: summary.queries }),
        pages: t('webSearch.pages', { count: summary.pages }),
      });
  return (
    <section className={`search-steps${summary.failed ? ' is-failed' : ''}`} data-testid="search-steps" aria-label={t('webSearch.steps')}>
      {!live && (
        <button
          type="button"
          className="search-steps__summary"
          data-testid="search-summary"
          aria-expanded={open}
          title={open ? t('webSearch.hideSteps') : t('webSearch.showSteps')}
          onClick={() => setOpen((o) => !o)}
        >
          <span className={`search-steps__chevron${open ? ' is-open' : ''}`} aria-hidden="true" />
          {line}
        </button>
      )}
      {expanded && (
        <ol className="search-steps__list" aria-live={live ? 'polite' : undefined}>
          {record.steps.map((step) => (
            <StepRow key={step.id} step={step} live={live} />
          ))}
        </ol>
      )}
    </section>
  );
}

function StepRow({ step, live }: { step: WebSearchStep; live: boolean }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  // A step still `running` in a finished answer was cut off by Stop.
  const status = step.status === 'running' && !live ? 'stopped' : step.status;
  return (
    <li className={`search-step is-${status}`} data-testid="search-step" data-step={step.id} data-kind={step.kind} data-status={status}>
      <span className="search-step__icon" aria-hidden="true">
        {status === 'running' ? <span className="spinner spinner--small" /> : ICONS[status]}
      </span>
      <span className="search-step__text">
        <span className="search-step__label">{label(step, status, t)}</span>
        <StepDetail step={step} />
        {step.error && (status === 'failed' || status === 'skipped') && (
          <span className="search-step__reason" data-testid="search-step-reason">
            {errorText(step.error)}
            {step.kind === 'search' && <OpenSettingsLink error={step.error} className="link-button" />}
          </span>
        )}
      </span>
    </li>
  );
}

const ICONS: Record<string, string> = { done: '✓', failed: '✕', skipped: '–', stopped: '■' };

function label(step: WebSearchStep, status: string, t: (key: string, o?: Record<string, unknown>) => string): string {
  if (status === 'stopped') return t('webSearch.step.stoppedHere');
  switch (step.kind) {
    case 'queries':
      return status === 'running' ? t('webSearch.step.queries') : t('webSearch.step.queriesDone');
    case 'search':
      if (status === 'failed') return t('webSearch.step.searchFailed');
      // No engine named: search was on but could not run, so the answer went ahead without it.
      if (status === 'skipped') return step.engine ? t('webSearch.step.searchSkipped', { engine: step.engine }) : t('webSearch.step.notRun');
      return status === 'running'
        ? t('webSearch.step.search', { engine: step.engine ?? '' })
        : step.resultCount === undefined
          ? t('webSearch.step.searched', { engine: step.engine ?? '' })
          : t('webSearch.step.searchDone', { engine: step.engine ?? '', count: step.resultCount });
    case 'read':
      return status === 'running' ? t('webSearch.step.read') : status === 'done' ? t('webSearch.step.readDone') : t('webSearch.step.readSkipped');
    case 'compose':
      return status === 'failed' ? t('webSearch.step.composeFailed') : t('webSearch.step.compose', { count: step.resultCount ?? 0 });
  }
}

function StepDetail({ step }: { step: WebSearchStep }) {
  if (step.kind === 'queries' || step.kind === 'search') {
    return (
      <span className="search-step__queries">
        {step.args.map((q) => (
          <q key={q} className="search-step__query">
            {q}
          </q>
        ))}
      </span>
    );
  }
  if (step.kind === 'read') {
    const url = step.args[0] ?? '';
    return (
      <span className="search-step__page" title={url}>
        {step.title || url}
        <span className="search-step__host">{hostOf(url)}</span>
      </span>
    );
  }
  return null;
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return '';
  }
}
