import { lazy, Suspense, type ReactNode } from 'react';
import { createBrowserRouter, Navigate } from 'react-router';
import { RequireLogin } from './components/RequireLogin';
import { AppShell } from './components/AppShell';
import { HomeRedirect } from './components/HomeRedirect';

// Each screen is its own chunk: the login screen loads without the counter's or the lobby's code.
const LoginScreen = lazy(() => import('./screens/login/LoginScreen'));
const LookupScreen = lazy(() => import('./screens/lookup/LookupScreen'));
const LobbyScreen = lazy(() => import('./screens/lobby/LobbyScreen'));
const CounterScreen = lazy(() => import('./screens/counter/CounterScreen'));
const DisplayScreen = lazy(() => import('./screens/display/DisplayScreen'));
const TicketPrintScreen = lazy(() => import('./screens/ticket-print/TicketPrintScreen'));
const ImportScreen = lazy(() => import('./screens/import/ImportScreen'));
const ExportScreen = lazy(() => import('./screens/export/ExportScreen'));

const page = (node: ReactNode) => <Suspense fallback={null}>{node}</Suspense>;

export const router = createBrowserRouter([
  { path: '/login', element: page(<LoginScreen />) },
  // The lobby TV: public, full screen, no app shell.
  { path: '/display', element: page(<DisplayScreen />) },
  {
    path: '/ticket/:id/print',
    element: <RequireLogin>{page(<TicketPrintScreen />)}</RequireLogin>,
  },
  {
    path: '/',
    element: (
      <RequireLogin>
        <AppShell />
      </RequireLogin>
    ),
    children: [
      { index: true, element: <HomeRedirect /> },
      { path: 'lookup', element: page(<LookupScreen />) },
      { path: 'lobby', element: page(<LobbyScreen />) },
      { path: 'counter', element: page(<CounterScreen />) },
      { path: 'import', element: page(<ImportScreen />) },
      { path: 'export', element: page(<ExportScreen />) },
    ],
  },
  { path: '*', element: <Navigate to="/" replace /> },
]);
