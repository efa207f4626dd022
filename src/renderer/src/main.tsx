// Must stay first: installs React Refresh in dev without the inline <script> our CSP blocks (empty in builds).
import '@vitejs/plugin-react/preamble';
// Next: the link to the core starts before React and the views are evaluated.
import './client/connectFirst';
import { mount } from './bootstrap';
import { takeConversationFromUrl } from './client/conversationLink';
import { App } from './components/App';

// `#conversation=<id>` opens that conversation: the quick view's "Continue in Brook" in browser mode.
const controller = mount('main', App, takeConversationFromUrl);
window.addEventListener('hashchange', () => {
  const id = takeConversationFromUrl();
  if (id) controller.openLinked(id);
});
