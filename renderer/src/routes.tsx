import { lazy, Suspense, type ReactNode } from 'react';
import { Spin } from 'antd';
import { createBrowserRouter, Navigate } from 'react-router';
import { RequireLogin } from './components/RequireLogin';
import { AppShell } from './components/AppShell';
import { HomeRedirect } from './components/HomeRedirect';
import { RequireRole } from './components/RequireRole';
import { ADMIN_ROLES, FLOOR_ROLES } from './components/nav';

// Each screen is its own chunk: the login screen loads without the counter's or the lobby's code.
const LoginScreen = lazy(() => import('./screens/login/LoginScreen'));
const LookupScreen = lazy(() => import('./screens/lookup/LookupScreen'));
const LobbyScreen = lazy(() => import('./screens/lobby/LobbyScreen'));
const FloorScreen = lazy(() => import('./screens/floor/FloorScreen'));
const CounterScreen = lazy(() => import('./screens/counter/CounterScreen'));
const DisplayScreen = lazy(() => import('./screens/display/DisplayScreen'));
const RateScreen = lazy(() => import('./screens/rate/RateScreen'));
const SurveyScreen = lazy(() => import('./screens/rate/SurveyScreen'));
const TicketPrintScreen = lazy(() => import('./screens/ticket-print/TicketPrintScreen'));
const ConsentPrintScreen = lazy(() => import('./screens/consent-print/ConsentPrintScreen'));
const ImportScreen = lazy(() => import('./screens/import/ImportScreen'));
const ExportScreen = lazy(() => import('./screens/export/ExportScreen'));
const VipScreen = lazy(() => import('./screens/vip/VipScreen'));
const BookScreen = lazy(() => import('./screens/book/BookScreen'));
const FollowUpsScreen = lazy(() => import('./screens/follow-ups/FollowUpsScreen'));
const ComplaintsScreen = lazy(() => import('./screens/complaints/ComplaintsScreen'));
const CustomerScreen = lazy(() => import('./screens/profile/CustomerScreen'));
const SettingsScreen = lazy(() => import('./screens/settings/SettingsScreen'));
const AuditScreen = lazy(() => import('./screens/audit/AuditScreen'));
const BackupsScreen = lazy(() => import('./screens/backups/BackupsScreen'));
const StaffScreen = lazy(() => import('./screens/staff/StaffScreen'));
const SetupScreen = lazy(() => import('./screens/setup/SetupScreen'));
const AppointmentsScreen = lazy(() => import('./screens/appointments/AppointmentsScreen'));
const StaffingScreen = lazy(() => import('./screens/staffing/StaffingScreen'));
const DashboardScreen = lazy(() => import('./screens/dashboard/DashboardScreen'));
const ReportsScreen = lazy(() => import('./screens/reports/ReportsScreen'));
const HoReportsScreen = lazy(() => import('./screens/ho-reports/HoReportsScreen'));

// While a screen's code loads: a spinner after 300 ms (none on a fast PC, where it would only flicker), not a blank
// page that a busy branch PC can show for seconds.
const loading = <Spin delay={300} style={{ display: 'block', margin: '64px auto' }} />;
const page = (node: ReactNode) => <Suspense fallback={loading}>{node}</Suspense>;

export const router = createBrowserRouter([
  { path: '/login', element: page(<LoginScreen />) },
  // First start of a fresh install: create the administrator (GET /api/health says needsSetup).
  { path: '/setup', element: page(<SetupScreen />) },
  // The lobby TV: public, full screen, no app shell.
  { path: '/display', element: page(<DisplayScreen />) },
  // The satisfaction pad (评价器) at a counter: public, full screen, its own device token.
  { path: '/rate/:counter', element: page(<RateScreen />) },
  // The web survey behind the slip's QR: public, the signed link is its only key.
  { path: '/survey/:token', element: page(<SurveyScreen />) },
  // The head office's cross-branch history: no staff login there, the screen asks for the admin key. Its data is
  // only served by a head-office server (/api/ho/*); no branch menu links here.
  { path: '/ho/reports', element: page(<HoReportsScreen />) },
  {
    path: '/ticket/:id/print',
    element: <RequireLogin>{page(<TicketPrintScreen />)}</RequireLogin>,
  },
  // The consent slip (Step 15): a recorded consent, or the text in force to read before deciding.
  { path: '/consent/slips/:id/print', element: <RequireLogin>{page(<ConsentPrintScreen />)}</RequireLogin> },
  { path: '/consent/print', element: <RequireLogin>{page(<ConsentPrintScreen />)}</RequireLogin> },
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
      {
        path: 'dashboard',
        element: <RequireRole roles={ADMIN_ROLES}>{page(<DashboardScreen />)}</RequireRole>,
      },
      {
        path: 'reports',
        element: <RequireRole roles={ADMIN_ROLES}>{page(<ReportsScreen />)}</RequireRole>,
      },
      { path: 'lobby', element: page(<LobbyScreen />) },
      {
        path: 'floor',
        element: <RequireRole roles={FLOOR_ROLES}>{page(<FloorScreen />)}</RequireRole>,
      },
      { path: 'counter', element: page(<CounterScreen />) },
      { path: 'vip', element: page(<VipScreen />) },
      { path: 'appointments', element: page(<AppointmentsScreen />) },
      { path: 'book', element: page(<BookScreen />) },
      { path: 'follow-ups', element: page(<FollowUpsScreen />) },
      { path: 'complaints', element: page(<ComplaintsScreen />) },
      { path: 'customers/:id', element: page(<CustomerScreen />) },
      { path: 'import', element: page(<ImportScreen />) },
      { path: 'export', element: page(<ExportScreen />) },
      {
        path: 'settings',
        element: <RequireRole roles={ADMIN_ROLES}>{page(<SettingsScreen />)}</RequireRole>,
      },
      { path: 'audit', element: <RequireRole roles={ADMIN_ROLES}>{page(<AuditScreen />)}</RequireRole> },
      { path: 'staff', element: <RequireRole roles={ADMIN_ROLES}>{page(<StaffScreen />)}</RequireRole> },
      {
        path: 'backups',
        element: <RequireRole roles={ADMIN_ROLES}>{page(<BackupsScreen />)}</RequireRole>,
      },
      {
        path: 'staffing',
        element: <RequireRole roles={ADMIN_ROLES}>{page(<StaffingScreen />)}</RequireRole>,
      },
    ],
  },
  { path: '*', element: <Navigate to="/" replace /> },
]);
