/**
 * 房屋档案 (第二十一条): one unit's dossier — unit and project, purchase contract and delivery,
 * title (第十八条), maintenance fund (第十九条), events and cases (第二十、二十二、二十三条),
 * exits (第二十四条), the archive export and, for staff, a 第三十一条 decision.
 */
import { DownloadOutlined } from '@ant-design/icons';
import { App, Button, Card, Col, Descriptions, Row, Space, Spin, Typography } from 'antd';
import { Link, useParams } from 'react-router-dom';
import { download } from '../../../api/client';
import { useUnitRecord } from '../../../api/postsale';
import { useMe } from '../../../api/queries';
import { ArticleLink } from '../../../components/ArticleLink';
import { ErrorAlert, errorText } from '../../../components/ErrorAlert';
import { formatFen } from '../../../components/unitGrid';
import { usePageTitle } from '../../../components/usePageTitle';
import { formatShanghai } from '../../sale/format';
import { CardTitle } from '../Bits';
import { DateField, FormDialog } from '../FormDialog';
import { postsaleAbilities } from '../model';
import { CasesCard, ExitsCard } from './CasesExits';
import { EventsCard } from './EventsCard';
import { FraudDialog } from './FraudDialog';
import { FundCard } from './FundCard';
import { TitleCard } from './TitleCard';

/** The unit dossier page at /staff/postsale/units/:id. */
export function UnitPage() {
  const { id } = useParams();
  const { message } = App.useApp();
  const { data: me } = useMe();
  const ab = postsaleAbilities(me);
  const { data: r, error, isLoading } = useUnitRecord(id);
  const label = r ? `${r.unit.building} ${r.unit.number}` : '房屋档案';
  usePageTitle(`房屋档案 ${r ? label : ''}`.trim());
  if (isLoading) return <Spin aria-label="加载中" />;
  if (!r) return <ErrorAlert error={error ?? new Error('not found')} />;
  const exportJson = async () => {
    try {
      await download(`/api/units/${r.unit.id}/archive.json`, `unit-archive-${r.unit.id}.json`);
    } catch (e) {
      message.error(errorText(e));
    }
  };
  return (
    <>
      <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
        <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>房屋档案 · {r.project.name} {label}</Typography.Title>
        <Space wrap>
          <Button icon={<DownloadOutlined />} onClick={exportJson} data-testid="unit-archive-export">导出档案 JSON</Button>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>依据<ArticleLink article="第二十一条" /></Typography.Text>
        </Space>
      </Space>
      <Typography.Paragraph style={{ marginTop: 8 }}>
        <Link to="/staff/postsale">返回已售房源</Link>
      </Typography.Paragraph>
      <ErrorAlert error={error} />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <Card size="small" title={<CardTitle>房屋与项目</CardTitle>}>
            <Descriptions size="small" column={1} items={[
              { key: 'p', label: '项目', children: `${r.project.name}（${r.project.code}）` },
              { key: 'u', label: '房号', children: `${r.unit.building} ${r.unit.floor}层 ${r.unit.number}` },
              { key: 'a', label: '面积 / 户型', children: `${r.unit.area} ㎡ · ${r.unit.layout}` },
              // 第二十四条 counts from a family's title; a unit the government holds has no one to exit.
              ...(r.title?.holderKind === 'government' ? [] : [
                { key: 's', label: '最早可退出日期', children: r.earliestExitOn ? <>{r.earliestExitOn}（<ArticleLink article="第二十四条" />）</> : '—' },
              ]),
            ]} />
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card size="small" title={<CardTitle>购房合同与交付</CardTitle>}>
            {r.contract ? (
              <Descriptions size="small" column={1} items={[
                { key: 'n', label: '合同编号', children: r.contract.contractNo },
                { key: 'p', label: '房价款', children: formatFen(r.contract.priceFen) },
                { key: 's', label: '签约时间', children: formatShanghai(r.contract.signedAt) },
                { key: 'd', label: '交付日期', children: r.contract.deliveredOn ?? (ab.delivery ? (
                  <FormDialog<{ deliveredOn: string }> label="登记交付" article="第十四条" testId="contract-delivery" size="small" type="primary"
                    path={`/api/contracts/${r.contract.id}/delivery`} confirm="记录房屋已按合同约定交付购房家庭">
                    <DateField name="deliveredOn" label="交付日期" testId="contract-delivery-deliveredOn" />
                  </FormDialog>
                ) : '未交付') },
              ]} />
            ) : <Typography.Text type="secondary">无购房合同</Typography.Text>}
          </Card>
        </Col>
        <Col xs={24} xl={12}><TitleCard record={r} canWrite={ab.write} /></Col>
        <Col xs={24} xl={12}><FundCard record={r} canWrite={ab.write} /></Col>
        <Col xs={24}><EventsCard record={r} canWrite={ab.write} /></Col>
        <Col xs={24} xl={12}><CasesCard record={r} canWrite={ab.write} /></Col>
        <Col xs={24} xl={12}><ExitsCard record={r} canWrite={ab.write} /></Col>
        {ab.write && r.title?.holderKind === 'family' && r.title.holderApplicationId && (
          <Col xs={24}><FraudDialog applicationId={r.title.holderApplicationId} delivered={Boolean(r.contract?.deliveredOn)} /></Col>
        )}
      </Row>
    </>
  );
}
