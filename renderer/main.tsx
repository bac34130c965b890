// Entry point: pick the transport, start buffering verification events, mount the app.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { connect } from './client/index';
import { ConnectionProvider } from './app/connection';
import { VerifyStoreProvider } from './app/verify-context';
import { createVerifyStore } from './app/verify-store';
import { App } from './app/app';
import './styles/app.css';

const connection = connect();
const verify = createVerifyStore(connection.client);
const root = document.getElementById('root');
if (root)
  createRoot(root).render(
    <StrictMode>
      <ConnectionProvider connection={connection}>
        <VerifyStoreProvider store={verify}>
          <App />
        </VerifyStoreProvider>
      </ConnectionProvider>
    </StrictMode>,
  );
