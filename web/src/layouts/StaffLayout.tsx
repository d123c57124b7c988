import { AuditOutlined, BarChartOutlined, HomeOutlined, OrderedListOutlined, TeamOutlined } from '@ant-design/icons';
import { Layout, Menu } from 'antd';
import { Link, Outlet, useLocation } from 'react-router-dom';
import { useMe } from '../api/queries';
import type { Role } from '../api/types';
import { UserArea } from './UserArea';

const ALL: { key: string; label: string; icon: React.ReactNode; roles: Role[] }[] = [
  { key: '/staff/queue', label: '审核队列', icon: <OrderedListOutlined />, roles: ['district_staff', 'city_staff'] },
  { key: '/staff/waitlist', label: '轮候库', icon: <TeamOutlined />, roles: ['district_staff', 'city_staff'] },
  { key: '/staff/projects', label: '配售项目', icon: <HomeOutlined />, roles: ['implementer', 'district_staff', 'city_staff', 'auditor'] },
  { key: '/staff/dashboard', label: '统计', icon: <BarChartOutlined />, roles: ['district_staff', 'city_staff'] },
  { key: '/staff/audit', label: '审计日志', icon: <AuditOutlined />, roles: ['city_staff', 'auditor'] },
];

/** Desktop frame of the staff console: header, side menu by role, main. */
export function StaffLayout() {
  const { data: me } = useMe();
  const loc = useLocation();
  const items = ALL.filter((i) => me && i.roles.includes(me.role)).map((i) => ({
    key: i.key,
    icon: i.icon,
    label: <Link to={i.key}>{i.label}</Link>,
  }));
  const selected = ALL.find((i) => loc.pathname.startsWith(i.key))?.key ?? (loc.pathname.startsWith('/staff/applications') ? '/staff/queue' : '');
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <a className="qc-skip" href="#main">跳到正文</a>
      <Layout.Header className="qc-header">
        <Link to="/" className="qc-brand">泉城安居 · 工作台</Link>
        <div style={{ flex: 1 }} />
        <UserArea dark />
      </Layout.Header>
      <Layout>
        <Layout.Sider width={200} theme="light" breakpoint="lg" collapsedWidth={64}>
          <nav aria-label="工作台导航">
            <Menu mode="inline" selectedKeys={[selected]} items={items} style={{ borderInlineEnd: 0 }} />
          </nav>
        </Layout.Sider>
        <Layout.Content id="main" tabIndex={-1} style={{ padding: 24, minWidth: 0 }}>
          <Outlet />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
