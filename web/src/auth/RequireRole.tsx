import { Result, Spin } from 'antd';
import { Navigate, useLocation } from 'react-router-dom';
import { useMe } from '../api/queries';
import type { Role } from '../api/types';

/** Renders children only for the given roles; sends others to the login page. */
export function RequireRole({ roles, children }: { roles: Role[]; children: React.ReactNode }) {
  const { data: me, isLoading } = useMe();
  const loc = useLocation();
  if (isLoading) return <Spin style={{ display: 'block', margin: 48 }} aria-label="加载中" />;
  if (!me) return <Navigate to={`/login?next=${encodeURIComponent(loc.pathname + loc.search)}`} replace />;
  if (!roles.includes(me.role)) return <Result status="403" title="无权访问" subTitle="当前账号的角色不能访问此页面。" />;
  return <>{children}</>;
}

/** /staff sends each role to its own first page (auditors do not review). */
export function StaffIndex() {
  const { data: me } = useMe();
  return me ? <Navigate to={landingFor(me.role)} replace /> : null;
}

/** Landing page of a role after login. */
export function landingFor(role: Role): string {
  if (role === 'applicant') return '/my';
  if (role === 'auditor') return '/staff/audit';
  if (role === 'district_staff' || role === 'city_staff') return '/staff/queue';
  return '/';
}
