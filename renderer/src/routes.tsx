import { lazy, Suspense, type ReactNode } from 'react';
import { createBrowserRouter, Navigate } from 'react-router';
import { RequireLogin } from './components/RequireLogin';
import { AppShell } from './components/AppShell';

// Each screen is its own chunk: the login screen loads without the counter's or the lobby's code.
const LoginScreen = lazy(() => import('./screens/login/LoginScreen'));
const LookupScreen = lazy(() => import('./screens/lookup/LookupScreen'));

const page = (node: ReactNode) => <Suspense fallback={null}>{node}</Suspense>;

export const router = createBrowserRouter([
  { path: '/login', element: page(<LoginScreen />) },
  {
    path: '/',
    element: (
      <RequireLogin>
        <AppShell />
      </RequireLogin>
    ),
    children: [
      { index: true, element: <Navigate to="/lookup" replace /> },
      { path: 'lookup', element: page(<LookupScreen />) },
    ],
  },
  { path: '*', element: <Navigate to="/" replace /> },
]);
