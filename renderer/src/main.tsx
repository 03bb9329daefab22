import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { syncLanguage } from './i18n/language-sync';
import { App } from './App';
import { connectKeypadStore } from './keypad/keypad-store';
import { kioskBridge } from './kiosk-bridge';
import { connectSessionStore } from './session-store';
// The theme in the order it cascades: tokens, the frame, each screen, layouts, staff mode.
import './styles/theme.css';
import './styles/frame.css';
import './styles/ready.css';
import './styles/keypad.css';
import './styles/results.css';
import './styles/layouts.css';
import './styles/staff.css';

const kiosk = kioskBridge();
if (kiosk) {
  connectSessionStore(kiosk);
  connectKeypadStore(kiosk);
}
syncLanguage();

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
