import { Alert, Empty, Result, Spin, Typography } from 'antd';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { useMyApplications } from '../../../api/my';
import { usePublicProject, usePublicProjects } from '../../../api/sale-public';
import { ArticleLink } from '../../../components/ArticleLink';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { LinkButton } from '../../../components/LinkButton';
import { usePageTitle } from '../../../components/usePageTitle';
import { UnitPicker } from './UnitPicker';

/**
 * 常态化配售 (第十六条): after the rounds, the remaining units of a project are offered to any
 * waiting family, first come first served, without a lottery.
 */
export function RollingPage() {
  usePageTitle('常态化配售');
  const nav = useNavigate();
  const [params] = useSearchParams();
  const code = params.get('project') ?? undefined;
  const list = usePublicProjects();
  const detail = usePublicProject(code);
  const apps = useMyApplications();
  const admitted = (apps.data ?? []).some((a) => a.status === 'admitted' || a.status === 'approved');
  const rolling = (list.data ?? []).filter((p) => p.status === 'rolling');

  const intro = (
    <Typography.Paragraph>
      项目配售后，剩余房源向轮候家庭常态化配售，无需摇号，先选先得（<ArticleLink article="第十六条" />）。
      每个家庭只能购买1套住房（<ArticleLink article="第十一条" />）。
    </Typography.Paragraph>
  );
  if (!code) {
    return (
      <div className="qc-narrow">
        <Typography.Title level={1} style={{ fontSize: 22, margin: '8px 0' }}>常态化配售</Typography.Title>
        {intro}
        <ErrorAlert error={list.error} />
        {list.isLoading && <Spin aria-label="加载中" />}
        {!list.isLoading && rolling.length === 0 && <Empty description="当前没有常态化配售的项目" />}
        {rolling.map((p) => (
          <div key={p.code} style={{ marginBottom: 8 }}>
            <LinkButton to={`/my/sale/rolling?project=${encodeURIComponent(p.code)}`} block data-testid={`rolling-${p.code}`}>{p.name}</LinkButton>
          </div>
        ))}
      </div>
    );
  }
  if (detail.isLoading) return <Spin aria-label="加载中" style={{ display: 'block', margin: 48 }} />;
  const d = detail.data;
  return (
    <div className="qc-container">
      <Typography.Title level={1} style={{ fontSize: 22, margin: '8px 0' }}>常态化配售{d ? ` · ${d.project.name}` : ''}</Typography.Title>
      {intro}
      <ErrorAlert error={detail.error} />
      {d && d.project.status !== 'rolling' && (
        <Result status="info" title="该项目当前不在常态化配售阶段" extra={<LinkButton to={`/projects/${encodeURIComponent(code)}`}>查看项目</LinkButton>} />
      )}
      {d && d.project.status === 'rolling' && (
        <>
          {!admitted && !apps.isLoading && (
            <Alert type="warning" showIcon style={{ marginBottom: 12 }} title="纳入轮候库的家庭才能选购" />
          )}
          <h2 style={{ fontSize: 17, margin: '12px 0 8px' }}>剩余房源</h2>
          <UnitPicker grid={d.grid} rolling disabled={!admitted} refresh={() => detail.refetch()}
            onPicked={(s, unit) => nav(`/my/sale/contract/${s.id}`, { state: { unit, projectCode: code, projectName: d.project.name } })} />
        </>
      )}
    </div>
  );
}
