// Must stay first: installs React Refresh in dev without the inline <script> our CSP blocks (empty in builds).
import '@vitejs/plugin-react/preamble';
// Next: the link to the core starts before React and the views are evaluated.
import '../client/connectFirst';
import { mount } from '../bootstrap';
import '../styles/quick.css';
import { QuickAskApp } from './QuickAskApp';

mount('quick', QuickAskApp);
