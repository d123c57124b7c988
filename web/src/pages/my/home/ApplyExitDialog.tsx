/**
 * 第二十四条: the family chooses how to leave (政府回购 or 轮候家庭内部流转) and confirms. The
 * idempotency key is made when the dialog opens, so a retried or double click applies once. Only
 * the holding period stops an application (the server refuses it); the 第二十五条 items the preview
 * flags are verified after submission (第二十六条), so they are shown as a warning, not a block.
 */
import { Alert, Modal, Radio, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { type ExitEligibility, type ExitRoute, useApplyExit } from '../../../api/home';
import { newIdempotencyKey } from '../../../api/client';
import { ArticleLink } from '../../../components/ArticleLink';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { Reasons } from '../../../components/Reasons';
import { ROUTE_TEXT, eligibilityReasons } from './homeText';

/** The apply dialog for one unit; `onDone` gets the route applied for. */
export function ApplyExitDialog(props: {
  open: boolean;
  unitId: string;
  unitName: string;
  years: number;
  eligibility: Record<ExitRoute, ExitEligibility>;
  onClose: () => void;
  onDone: (route: ExitRoute) => void;
}) {
  const apply = useApplyExit();
  const [route, setRoute] = useState<ExitRoute>('buyback');
  const [key, setKey] = useState('');
  useEffect(() => {
    if (props.open) {
      setKey(newIdempotencyKey());
      apply.reset();
    }
  }, [props.open]); // a new key per opening of the dialog
  const verdict = props.eligibility[route];
  const submit = async () => {
    await apply.mutateAsync({ unitId: props.unitId, route, key });
    props.onDone(route);
  };
  return (
    <Modal open={props.open} title="申请退出" onCancel={props.onClose} onOk={() => void submit().catch(() => undefined)}
      okText="确认提交申请" cancelText="取消" confirmLoading={apply.isPending}
      okButtonProps={{ 'data-testid': 'exit-confirm' } as never}>
      <Typography.Paragraph>
        {props.unitName}：取得不动产权证满{props.years}年后，可采用以下任一方式退出（<ArticleLink article="第二十四条" />）。
      </Typography.Paragraph>
      <Radio.Group value={route} onChange={(e) => setRoute(e.target.value)} data-testid="exit-route" aria-label="退出方式"
        style={{ width: '100%' }}>
        <Space direction="vertical" style={{ width: '100%' }}>
          {(Object.keys(ROUTE_TEXT) as ExitRoute[]).map((r) => (
            <Radio key={r} value={r} data-testid={`exit-route-${r}`}>
              <strong>{ROUTE_TEXT[r].label}</strong>
              <div style={{ color: 'rgba(0,0,0,0.7)' }}>{ROUTE_TEXT[r].line}（<ArticleLink article={ROUTE_TEXT[r].article} />）</div>
            </Radio>
          ))}
        </Space>
      </Radio.Group>
      {!verdict.value.eligible && (
        <Alert type="warning" showIcon style={{ marginTop: 12 }} data-testid="exit-warnings"
          title="预检发现以下情况，部门核查时将予以核实，未消除的可能不予受理"
          description={<Reasons reasons={eligibilityReasons(verdict)} />} />
      )}
      {route === 'buyback' && (
        <Typography.Paragraph style={{ marginTop: 12, color: 'rgba(0,0,0,0.7)' }}>
          提交后由住房城乡建设部门核查房屋是否有违规贷款或抵押、租赁、法律纠纷，是否改变用途或拆改结构（<ArticleLink article="第二十五条" />），
          受理后原则上半年内完成（<ArticleLink article="第二十六条" />）。
        </Typography.Paragraph>
      )}
      <ErrorAlert error={apply.error} />
    </Modal>
  );
}
