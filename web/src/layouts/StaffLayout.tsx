import { AlertOutlined, AuditOutlined, BarChartOutlined, ClockCircleOutlined, FieldTimeOutlined, HomeOutlined, OrderedListOutlined, ReloadOutlined, SafetyCertificateOutlined, TeamOutlined } from '@ant-design/icons';
import { Layout, Menu } from 'antd';
import { Link, Outlet, useLocation } from 'react-router-dom';
import { useMe } from '../api/queries';
import { selectedMenuKey } from '../pages/postsale/model';
import type { Role } from '../api/types';
import { UserArea } from './UserArea';

const ALL: { key: string; label: string; icon: React.ReactNode; roles: Role[] }[] = [
  { key: '/staff/queue', label: '审核队列', icon: <OrderedListOutlined />, roles: ['district_staff', 'city_staff'] },
  { key: '/staff/waitlist', label: '轮候库', icon: <TeamOutlined />, roles: ['district_staff', 'city_staff'] },
  { key: '/staff/projects', label: '配售项目', icon: <HomeOutlined />, roles: ['implementer', 'district_staff', 'city_staff', 'auditor'] },
  { key: '/staff/dashboard', label: '统计', icon: <BarChartOutlined />, roles: ['district_staff', 'city_staff'] },
  { key: '/staff/audit', label: '审计日志', icon: <AuditOutlined />, roles: ['city_staff', 'auditor'] },
];

/** 封闭管理 (第十八至三十一条): the implementer only reaches units to record delivery; the auditor reads. */
const POSTSALE: typeof ALL = [
  { key: '/staff/postsale', label: '已售房源', icon: <SafetyCertificateOutlined />, roles: ['implementer', 'district_staff', 'city_staff', 'auditor'] },
  { key: '/staff/postsale/exits', label: '回购看板', icon: <FieldTimeOutlined />, roles: ['district_staff', 'city_staff', 'auditor'] },
  { key: '/staff/postsale/obligations', label: '多套房退出期限', icon: <ClockCircleOutlined />, roles: ['district_staff', 'city_staff', 'auditor'] },
  { key: '/staff/postsale/cases', label: '违规案件', icon: <AlertOutlined />, roles: ['district_staff', 'city_staff', 'auditor'] },
  { key: '/staff/postsale/resale', label: '再配售', icon: <ReloadOutlined />, roles: ['district_staff', 'city_staff', 'auditor'] },
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
  const postsale = POSTSALE.filter((i) => me && i.roles.includes(me.role)).map((i) => ({ key: i.key, icon: i.icon, label: <Link to={i.key}>{i.label}</Link> }));
  if (postsale.length) items.push({ type: 'group', key: 'postsale', label: '封闭管理', children: postsale } as never);
  // The most specific key wins: /staff/postsale/exits/… is the board, /staff/postsale/units/… the list.
  const selected = selectedMenuKey(loc.pathname, [...ALL, ...POSTSALE].map((i) => i.key))
    ?? (loc.pathname.startsWith('/staff/applications') ? '/staff/queue' : '');
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
