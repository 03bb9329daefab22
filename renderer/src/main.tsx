import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { syncLanguage } from './i18n/language-sync';
import { App } from './App';
import { ErrorBoundary } from './components/ErrorBoundary';
import { connectKeypadStore } from './keypad/keypad-store';
import { kioskBridge } from './kiosk-bridge';
import { connectSessionStore } from './session-store';
// The theme in the order it cascades: tokens, the frame, each screen, layouts, staff mode.
import './styles/theme.css';
import './styles/frame.css';
import './styles/ready.css';
import './styles/keypad.css';
import './styles/results.css';
import './styles/feedback.css';
import './styles/layouts.css';
import './styles/staff.css';

const kiosk = kioskBridge();
if (kiosk) {
  connectSessionStore(kiosk);
  connectKeypadStore(kiosk);
}
// Main restarts the web shell's kiosk this way, only while nobody is served.
kiosk?.onReload(() => window.location.reload());
syncLanguage();

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <ErrorBoundary>
      <App />
    </ErrorBoundary>
  </StrictMode>,
);
