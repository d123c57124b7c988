import { Result, Spin } from 'antd';
import { Navigate, useLocation } from 'react-router-dom';
import { useMe } from '../api/queries';
import type { Role } from '../api/types';
import { LinkButton } from '../components/LinkButton';

/**
 * Renders children only for the given roles; sends others to the login page. With
 * `outsideLayout` (it guards a whole layout) its own loading and 403 pages bring the main
 * landmark a layout would give.
 */
export function RequireRole({ roles, children, outsideLayout }: { roles: Role[]; children: React.ReactNode; outsideLayout?: boolean }) {
  const Main = outsideLayout ? 'main' : 'div';
  const { data: me, isLoading } = useMe();
  const loc = useLocation();
  if (isLoading) return <Main id={outsideLayout ? 'main' : undefined}><Spin style={{ display: 'block', margin: 48 }} aria-label="加载中" /></Main>;
  if (!me) return <Navigate to={`/login?next=${encodeURIComponent(loc.pathname + loc.search)}`} replace />;
  if (!roles.includes(me.role)) {
    return (
      <Main id={outsideLayout ? 'main' : undefined}>
        <Result status="403" title={<h1 style={{ fontSize: 24, margin: 0 }}>无权访问</h1>} subTitle="当前账号的角色不能访问此页面。"
          extra={<LinkButton to={landingFor(me.role)} type="primary">{me.role === 'applicant' ? '返回我的申请' : '返回工作台'}</LinkButton>} />
      </Main>
    );
  }
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
  if (role === 'implementer') return '/staff/projects';
  return '/';
}
