// Must stay first: installs React Refresh in dev without the inline <script> our CSP blocks (empty in builds).
import '@vitejs/plugin-react/preamble';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createClient } from './client';
import { App } from './components/App';
import { initI18n } from './i18n';
import { resolveLanguage } from './i18n/resolveLanguage';
import { AppController } from './state/AppController';
import { ControllerProvider } from './state/context';
import { nextFrame } from './state/frameScheduler';
import { initialState, Store } from './state/store';
import { applyTheme } from './theme';
import './styles/theme.css';
import './styles/app.css';
import './styles/markdown.css';

// Before the first paint, so a dark OS never flashes a light window while settings load.
applyTheme('system');
const language = resolveLanguage('system', navigator.languages);
initI18n(language);
document.documentElement.lang = language;

const controller = new AppController(createClient(), new Store(initialState), nextFrame);
controller.start();

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <ControllerProvider controller={controller}>
      <App />
    </ControllerProvider>
  </StrictMode>,
);
