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
import { ProjectsPage as StaffProjectsPage } from './pages/sale/ProjectsPage';
import { ProjectPage as StaffProjectPage } from './pages/sale/project/ProjectPage';
import { ProjectsPage } from './pages/sale-public/ProjectsPage';
import { ProjectDetailPage } from './pages/sale-public/ProjectDetailPage';
import { MySalePage } from './pages/my/sale/MySalePage';
import { MyHomePage, TransferOffersPage } from './pages/my/home/MyHomePage';
import { BuybackPage } from './pages/buyback/BuybackPage';
import { SelectPage } from './pages/my/sale/SelectPage';
import { RollingPage } from './pages/my/sale/RollingPage';
import { ContractPage } from './pages/my/sale/ContractPage';
import { SimBankPage } from './pages/sim-bank/SimBankPage';
import { UnitsPage as PostsaleUnitsPage } from './pages/postsale/UnitsPage';
import { UnitPage as PostsaleUnitPage } from './pages/postsale/unit/UnitPage';
import { ExitsPage as PostsaleExitsPage } from './pages/postsale/ExitsPage';
import { ExitPage as PostsaleExitPage } from './pages/postsale/exit/ExitPage';
import { ObligationsPage as PostsaleObligationsPage } from './pages/postsale/ObligationsPage';
import { CasesPage as PostsaleCasesPage } from './pages/postsale/CasesPage';
import { ResalePage as PostsaleResalePage } from './pages/postsale/ResalePage';

// ECharts is large: the dashboard loads on demand.
const DashboardPage = lazy(() => import('./pages/staff/dashboard/DashboardPage'));
// The lottery pages (ranks, in-browser QLOT-1 verification) load on demand.
const LotteryRanksPage = lazy(() => import('./pages/lottery/LotteryRanksPage'));
const LotteryVerifyPage = lazy(() => import('./pages/lottery/LotteryVerifyPage'));
const onDemand = (el: React.ReactNode) => <Suspense fallback={<Spin aria-label="加载中" />}>{el}</Suspense>;

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
      { path: '/buyback', element: <BuybackPage /> },
      { path: '/login', element: <LoginPage /> },
      { path: '/register', element: <RegisterPage /> },
      { path: '/projects', element: <ProjectsPage /> },
      { path: '/projects/:code', element: <ProjectDetailPage /> },
      { path: '/lottery/verify', element: onDemand(<LotteryVerifyPage />) },
      { path: '/lottery/:drawId', element: onDemand(<LotteryRanksPage />) },
      { path: '/lottery/:drawId/verify', element: onDemand(<LotteryVerifyPage />) },
      { path: '/my', element: applicant(<MyApplicationsPage />) },
      { path: '/my/sale', element: applicant(<MySalePage />) },
      { path: '/my/home', element: applicant(<MyHomePage />) },
      { path: '/my/transfer-offers', element: applicant(<TransferOffersPage />) },
      { path: '/my/sale/select', element: applicant(<SelectPage />) },
      { path: '/my/sale/rolling', element: applicant(<RollingPage />) },
      { path: '/my/sale/contract/:selectionId', element: applicant(<ContractPage />) },
      { path: '/my/new', element: applicant(<WizardPage mode="new" />) },
      { path: '/my/notifications', element: applicant(<NotificationsPage />) },
      { path: '/my/:id', element: applicant(<StatusPage />) },
      { path: '/my/:id/edit', element: applicant(<WizardPage mode="edit" />) },
      { path: '/my/:id/change', element: applicant(<WizardPage mode="change" />) },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
  // The simulated bank stands where a real bank's checkout would: its own page, not the portal's frame.
  { path: '/sim-bank/:orderNo', element: <SimBankPage /> },
  {
    path: '/staff',
    element: (
      <RequireRole roles={['district_staff', 'city_staff', 'auditor', 'implementer']} outsideLayout>
        <StaffLayout />
      </RequireRole>
    ),
    children: [
      { index: true, element: <StaffIndex /> },
      { path: 'queue', element: <QueuePage /> },
      { path: 'applications/:id', element: <DetailPage /> },
      { path: 'waitlist', element: <WaitlistPage /> },
      { path: 'audit', element: <AuditPage /> },
      { path: 'projects', element: <StaffProjectsPage /> },
      { path: 'projects/:id', element: <StaffProjectPage /> },
      { path: 'postsale', element: <PostsaleUnitsPage /> },
      { path: 'postsale/units/:id', element: <PostsaleUnitPage /> },
      { path: 'postsale/exits', element: <PostsaleExitsPage /> },
      { path: 'postsale/exits/:id', element: <PostsaleExitPage /> },
      { path: 'postsale/obligations', element: <PostsaleObligationsPage /> },
      { path: 'postsale/cases', element: <PostsaleCasesPage /> },
      { path: 'postsale/resale', element: <PostsaleResalePage /> },
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
