// Must stay first: installs React Refresh in dev without the inline <script> our CSP blocks (empty in builds).
import '@vitejs/plugin-react/preamble';
// Next: the link to the core and the copy of the first screen start before React and the views are evaluated.
import { firstScreen } from './client/connectFirstMain';
import { mount } from './bootstrap';
import { takeConversationFromUrl } from './client/conversationLink';
import { App } from './components/App';

// `#conversation=<id>` opens that conversation: the quick view's "Continue in Brook" in browser mode.
const controller = mount('main', App, takeConversationFromUrl, firstScreen);
window.addEventListener('hashchange', () => {
  const id = takeConversationFromUrl();
  if (id) controller.openLinked(id);
});
