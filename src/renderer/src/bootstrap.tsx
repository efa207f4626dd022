import { StrictMode, type ComponentType } from 'react';
import { createRoot } from 'react-dom/client';
import type { FirstScreenData } from '../../shared/firstScreen';
import { firstClient } from './client/connectFirst';
import { firstPaintHandoff, type FirstPaintHandoff, type FirstPaintIntent } from './firstPaint/handoff';
import { mainViewHref } from './client/conversationLink';
import { initI18n } from './i18n';
import { resolveLanguage } from './i18n/resolveLanguage';
import { AppController, type WindowRole } from './state/AppController';
import { foldSidebarIfNarrow } from './state/layout';
import { ControllerProvider } from './state/context';
import { nextFrame } from './state/frameScheduler';
import { initialState, Store } from './state/store';
import { applyTheme } from './theme';
import './styles/theme.css';
import './styles/app.css';
import './styles/markdown.css';
import './styles/history.css';
import './styles/webSearch.css';
import './styles/settingsPage.css';
import './styles/shell.css';
import './styles/sync.css';
import './styles/modelPicker.css';
import './styles/attachments.css';

/**
 * What every window does first: theme and language before the first paint (so a dark OS never
 * flashes a light window while settings load), then the client, the controller and the UI.
 * `afterClient` runs once the client has taken the token from the URL. `firstScreen` (browser
 * mode's copy from the last clean quit) is drawn if it comes before the core's answers.
 */
export function mount(
  role: WindowRole,
  App: ComponentType,
  afterClient: () => string | null = () => null,
  firstScreen: Promise<FirstScreenData | null> = Promise.resolve(null),
): AppController {
  const handoff = role === 'main' ? firstPaintHandoff() : null;
  // The first paint has set the theme and language the copy's settings ask for: keep them.
  const painted = handoff?.painted ?? null;
  if (painted === null) applyTheme('system');
  const language = painted ?? resolveLanguage('system', navigator.languages);
  initI18n(language);
  document.documentElement.lang = language;

  const client = firstClient;
  const controller = new AppController(client, new Store(initialState), nextFrame, {
    role,
    openMainView: (conversationId) => window.location.assign(mainViewHref(conversationId)),
  });
  controller.start(afterClient(), firstScreen);

  const root = document.getElementById('root');
  if (!root) throw new Error('the page has no #root');
  const render = () =>
    createRoot(root).render(
      <StrictMode>
        <ControllerProvider controller={controller}>
          <App />
        </ControllerProvider>
      </StrictMode>,
    );
  if (handoff) takeOverFirstPaint(controller, handoff);
  // Drawn already by the first paint: the app's first render waits for the copy (it is in, and
  // the controller applies it first), so the list it draws over that paint is the same list.
  if (painted !== null) void firstScreen.then(render, render);
  else render();
  return controller;
}

/** Clicks on the first paint (a row, New chat) are the app's to carry out, now and from here on. */
function takeOverFirstPaint(controller: AppController, handoff: FirstPaintHandoff): void {
  const act = (intent: FirstPaintIntent) => {
    if (intent.kind === 'open') controller.openLinked(intent.id);
    else void controller.newConversation();
    foldSidebarIfNarrow();
  };
  handoff.act = act;
  const pending = handoff.pending;
  handoff.pending = null;
  if (pending) act(pending);
}
