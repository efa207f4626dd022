import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { beforeAll, describe, expect, it } from 'vitest';
import type { WebSearchRecord } from '../../../../shared/webSearch';
import { fakeClient } from '../../../../../tests/unit/renderer/support/fakeClient';
import { initI18n } from '../../i18n';
import { AppController } from '../../state/AppController';
import { ControllerProvider } from '../../state/context';
import { initialState, Store, type AppState } from '../../state/store';
import { SearchSteps } from './SearchSteps';

const record: WebSearchRecord = {
  steps: [
    { id: 'queries', kind: 'queries', status: 'done', args: ['amazon <b>river</b>'] },
    { id: 'search-1', kind: 'search', status: 'done', args: ['amazon <b>river</b>'], engine: 'SearXNG', resultCount: 4 },
    { id: 'read-1', kind: 'read', status: 'done', args: ['https://www.rivers.example/a'], title: 'Rivers' },
    { id: 'read-2', kind: 'read', status: 'running', args: ['https://slow.example/'], title: 'Slow' },
    { id: 'read-3', kind: 'read', status: 'skipped', args: ['https://pdf.example/x.pdf'], error: { code: 'network', messageKey: 'errors.pageNotHtml', params: { type: 'application/pdf' }, retryable: false } },
  ],
  sources: [],
};
// A failed or skipped search links to its settings section, which takes the window's controller.
const controller = new AppController(fakeClient({}).client, new Store<AppState>(initialState), (cb) => cb());
const render = (r: WebSearchRecord, live: boolean) =>
  renderToStaticMarkup(createElement(ControllerProvider, { controller, children: createElement(SearchSteps, { record: r, live }) }));

describe('SearchSteps', () => {
  beforeAll(() => {
    initI18n('en');
  });

  it('while live: every step with its detail, a spinner on the running one, no summary', () => {
    const html = render(record, true);
    expect(html).not.toContain('search-summary');
    expect(html).toContain('4 results from SearXNG');
    expect(html).toContain('amazon &lt;b&gt;river&lt;/b&gt;');
    expect(html.match(/class="spinner spinner--small"/g)).toHaveLength(1);
    expect(html).toContain('rivers.example');
    expect(html).toContain('Not a web page (application/pdf).');
  });

  it('when done: one summary line, or the failure when every search failed', () => {
    const html = render(record, false);
    expect(html).toContain('Searched 1 query · read 1 page');
    expect(html).not.toContain('data-testid="search-step"');
    const failed: WebSearchRecord = { steps: [{ id: 'search-1', kind: 'search', status: 'failed', args: ['q'] }], sources: [] };
    expect(render(failed, false)).toContain('Web search failed — answered without it');
  });

  it('a search the model cannot do (Spark Lite) shows as skipped with its reason, not as searched', () => {
    const skipped: WebSearchRecord = {
      steps: [{ id: 'search-1', kind: 'search', status: 'skipped', args: [], engine: 'iFlytek Spark', error: { code: 'bad_request', messageKey: 'errors.sparkLiteNoSearch', retryable: false } }],
      sources: [],
    };
    const live = render(skipped, true);
    expect(live).toContain('iFlytek Spark not searched');
    expect(live).toContain('Spark Lite has no web search.');
    expect(live).not.toContain('Searched iFlytek Spark');
    expect(render(skipped, false)).toContain('No web search with this model — answered without it');
  });

  it('search on with no engine set up: answered without it, and the step links to Settings → Web search', () => {
    const notSetUp: WebSearchRecord = {
      steps: [{ id: 'search-1', kind: 'search', status: 'skipped', args: [], error: { code: 'bad_request', messageKey: 'errors.searchUrlMissing', retryable: false } }],
      sources: [],
    };
    expect(render(notSetUp, false)).toContain('Web search is not set up — answered without it');
    const live = render(notSetUp, true);
    expect(live).toContain('Answered without web search');
    expect(live).toContain('No SearXNG address is set.');
    expect(live).toContain('data-section="webSearch"');
  });
});
