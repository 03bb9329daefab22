import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './i18n/i18n';
import { App } from './App';
import { kioskBridge } from './kiosk-bridge';
import { connectSessionStore } from './session-store';
import './styles.css';

const kiosk = kioskBridge();
if (kiosk) connectSessionStore(kiosk);

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
