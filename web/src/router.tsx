import { lazy, Suspense } from 'react';
import { Spin } from 'antd';
import { createBrowserRouter } from 'react-router-dom';
import { RequireRole, StaffIndex } from './auth/RequireRole';
import { PublicLayout } from './layouts/PublicLayout';
import { StaffLayout } from './layouts/StaffLayout';
import { HomePage } from './pages/home/HomePage';
import { LawIndexPage } from './pages/law/LawIndexPage';
import { LawArticlePage } from './pages/law/LawArticlePage';
import { LawDocumentPage } from './pages/law/LawDocumentPage';
import { ResultsPage } from './pages/results/ResultsPage';
import { RulesPage } from './pages/rules/RulesPage';
import { LoginPage } from './pages/auth/LoginPage';
import { RegisterPage } from './pages/auth/RegisterPage';
import { MyApplicationsPage } from './pages/my/MyApplicationsPage';
import { WizardPage } from './pages/my/wizard/WizardPage';
import { StatusPage } from './pages/my/status/StatusPage';
import { NotificationsPage } from './pages/my/NotificationsPage';
import { QueuePage } from './pages/staff/queue/QueuePage';
import { DetailPage } from './pages/staff/detail/DetailPage';
import { WaitlistPage } from './pages/staff/waitlist/WaitlistPage';
import { AuditPage } from './pages/staff/audit/AuditPage';
import { NotFoundPage } from './pages/NotFoundPage';

// ECharts is large: the dashboard loads on demand.
const DashboardPage = lazy(() => import('./pages/staff/dashboard/DashboardPage'));

const applicant = (el: React.ReactNode) => <RequireRole roles={['applicant']}>{el}</RequireRole>;

/** All routes of the web UI. */
export const router = createBrowserRouter([
  {
    element: <PublicLayout />,
    children: [
      { path: '/', element: <HomePage /> },
      { path: '/law', element: <LawIndexPage /> },
      { path: '/law/:docId', element: <LawDocumentPage /> },
      { path: '/law/:docId/:articleNo', element: <LawArticlePage /> },
      { path: '/results', element: <ResultsPage /> },
      { path: '/rules', element: <RulesPage /> },
      { path: '/login', element: <LoginPage /> },
      { path: '/register', element: <RegisterPage /> },
      { path: '/my', element: applicant(<MyApplicationsPage />) },
      { path: '/my/new', element: applicant(<WizardPage mode="new" />) },
      { path: '/my/notifications', element: applicant(<NotificationsPage />) },
      { path: '/my/:id', element: applicant(<StatusPage />) },
      { path: '/my/:id/edit', element: applicant(<WizardPage mode="edit" />) },
      { path: '/my/:id/change', element: applicant(<WizardPage mode="change" />) },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
  {
    path: '/staff',
    element: (
      <RequireRole roles={['district_staff', 'city_staff', 'auditor']} outsideLayout>
        <StaffLayout />
      </RequireRole>
    ),
    children: [
      { index: true, element: <StaffIndex /> },
      { path: 'queue', element: <QueuePage /> },
      { path: 'applications/:id', element: <DetailPage /> },
      { path: 'waitlist', element: <WaitlistPage /> },
      { path: 'audit', element: <AuditPage /> },
      {
        path: 'dashboard',
        element: (
          <Suspense fallback={<Spin aria-label="加载中" />}>
            <DashboardPage />
          </Suspense>
        ),
      },
    ],
  },
]);
