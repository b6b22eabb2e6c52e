import { useState } from 'react';
import { createBrowserRouter, type RouteObject } from 'react-router';
import { RouterProvider } from 'react-router/dom';
import { RouteErrorBoundary } from '@/components/errors/route-error-boundary';
import { PageLoading } from '@/components/ui/page-loading';

// Each page is its own chunk, so the login page does not download the workspace.
export const routes: RouteObject[] = [
  {
    path: '/',
    errorElement: <RouteErrorBoundary />,
    hydrateFallbackElement: <PageLoading />,
    children: [
      {
        path: 'public/notices/:slug',
        lazy: async () => ({ Component: (await import('./routes/public/notice')).PublicNoticeRoute }),
      },
      {
        path: 'login',
        lazy: async () => ({ Component: (await import('./routes/auth/login')).LoginRoute }),
      },
      {
        lazy: async () => ({ Component: (await import('./routes/app/root')).AppRoot }),
        children: [
          {
            index: true,
            lazy: async () => ({ Component: (await import('./routes/app/dashboard')).DashboardRoute }),
          },
          {
            path: 'problems',
            lazy: async () => ({ Component: (await import('./routes/app/problems')).ProblemsRoute }),
          },
          {
            path: 'problems/:id',
            lazy: async () => ({ Component: (await import('./routes/app/problem')).ProblemRoute }),
          },
          {
            path: 'tasks',
            lazy: async () => ({ Component: (await import('./routes/app/tasks')).TasksRoute }),
          },
          {
            path: 'reviews',
            lazy: async () => ({ Component: (await import('./routes/app/reviews')).ReviewsRoute }),
          },
          {
            path: 'supervision-orders',
            lazy: async () => ({
              Component: (await import('./routes/app/supervision-orders')).SupervisionOrdersRoute,
            }),
          },
          {
            path: 'supervision-orders/:id',
            lazy: async () => ({
              Component: (await import('./routes/app/supervision-order')).SupervisionOrderRoute,
            }),
          },
          {
            path: 'report-rounds',
            lazy: async () => ({ Component: (await import('./routes/app/report-rounds')).ReportRoundsRoute }),
          },
          {
            path: 'report-rounds/compare',
            lazy: async () => ({
              Component: (await import('./routes/app/report-round-compare')).ReportRoundCompareRoute,
            }),
          },
          {
            path: 'report-rounds/:id',
            lazy: async () => ({ Component: (await import('./routes/app/report-round')).ReportRoundRoute }),
          },
          {
            path: 'report-rounds/:id/units/:unitId',
            lazy: async () => ({ Component: (await import('./routes/app/report-round-unit')).ReportRoundUnitRoute }),
          },
          {
            path: 'report-rounds/:id/form',
            lazy: async () => ({ Component: (await import('./routes/app/report-round-form')).ReportRoundFormRoute }),
          },
          {
            path: 'unit-scores',
            lazy: async () => ({ Component: (await import('./routes/app/unit-scores')).UnitScoresRoute }),
          },
          {
            path: 'lookbacks',
            lazy: async () => ({ Component: (await import('./routes/app/lookbacks')).LookbacksRoute }),
          },
          {
            path: 'lookbacks/:id',
            lazy: async () => ({ Component: (await import('./routes/app/lookback')).LookbackRoute }),
          },
          {
            path: 'checkpoint-reviews',
            lazy: async () => ({
              Component: (await import('./routes/app/checkpoint-reviews')).CheckpointReviewsRoute,
            }),
          },
          {
            path: 'calendar',
            lazy: async () => ({ Component: (await import('./routes/app/calendar')).CalendarRoute }),
          },
          {
            path: 'account/password',
            lazy: async () => ({ Component: (await import('./routes/app/account-password')).AccountPasswordRoute }),
          },
          {
            path: 'account/notifications',
            lazy: async () => ({
              Component: (await import('./routes/app/account-notifications')).AccountNotificationsRoute,
            }),
          },
          {
            path: 'account/mfa',
            lazy: async () => ({ Component: (await import('./routes/app/account-mfa')).AccountMfaRoute }),
          },
          {
            path: 'admin/users',
            lazy: async () => ({ Component: (await import('./routes/app/admin-users')).AdminUsersRoute }),
          },
          {
            path: 'admin/audit',
            lazy: async () => ({ Component: (await import('./routes/app/admin-audit')).AdminAuditRoute }),
          },
          {
            path: 'notifications',
            lazy: async () => ({ Component: (await import('./routes/app/notifications')).NotificationsRoute }),
          },
          {
            path: 'admin/channels',
            lazy: async () => ({ Component: (await import('./routes/app/admin-channels')).AdminChannelsRoute }),
          },
          {
            path: 'admin/jobs',
            lazy: async () => ({ Component: (await import('./routes/app/admin-jobs')).AdminJobsRoute }),
          },
          {
            path: 'admin/webhooks',
            lazy: async () => ({ Component: (await import('./routes/app/admin-webhooks')).AdminWebhooksRoute }),
          },
          {
            path: 'admin/units',
            lazy: async () => ({ Component: (await import('./routes/app/admin-units')).AdminUnitsRoute }),
          },
          {
            path: 'imports/notice',
            lazy: async () => ({ Component: (await import('./routes/app/import-notice')).ImportNoticeRoute }),
          },
          {
            path: 'imports/ledger',
            lazy: async () => ({ Component: (await import('./routes/app/import-ledger')).ImportLedgerRoute }),
          },
          {
            path: 'publications',
            lazy: async () => ({ Component: (await import('./routes/app/publications')).PublicationsRoute }),
          },
          {
            path: 'settings/inspection',
            lazy: async () => ({
              Component: (await import('./routes/app/settings-inspection')).SettingsInspectionRoute,
            }),
          },
          { path: '*', lazy: async () => ({ Component: (await import('@/components/errors/not-found')).NotFound }) },
        ],
      },
    ],
  },
];

export function AppRouter() {
  const [router] = useState(() => createBrowserRouter(routes));
  return <RouterProvider router={router} />;
}
