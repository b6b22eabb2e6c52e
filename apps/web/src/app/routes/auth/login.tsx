import { Navigate, useSearchParams } from 'react-router';
import { AuthLayout } from '@/components/layouts/auth-layout';
import { PageLoading } from '@/components/ui/page-loading';
import { LoginForm } from '@/features/auth/components/login-form';
import { safeRedirect, useSessionUser } from '@/lib/auth';

export function LoginRoute() {
  const [searchParams] = useSearchParams();
  const session = useSessionUser();
  const redirectTo = safeRedirect(searchParams.get('redirect'));

  if (session.isPending) return <PageLoading />;
  // a live session (already signed in, or just now through the form) goes straight to where the user was headed
  if (session.data) return <Navigate to={redirectTo} replace />;
  return (
    <AuthLayout>
      <title>登录 · 整改工作台</title>
      <LoginForm />
    </AuthLayout>
  );
}
