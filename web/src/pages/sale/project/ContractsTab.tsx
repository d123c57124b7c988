import { FilePdfOutlined } from '@ant-design/icons';
import { App, Button, Card, Select, Space, Table, Typography } from 'antd';
import { download } from '../../../api/client';
import { useState } from 'react';
import { type StaffContract, useProjectContracts } from '../../../api/sale';
import { ArticleLink } from '../../../components/ArticleLink';
import { ErrorAlert, errorText } from '../../../components/ErrorAlert';
import { formatFen } from '../../../components/unitGrid';
import { CONTRACT_STATUS, LOAN_TYPE } from '../../../lib/labels';
import { formatShanghai } from '../format';
import { SaleTag } from '../StatusTag';
import type { TabProps } from './tabProps';

/** 合同: the project's purchase contracts (第十四条), buyers masked, with price and payment (第十三条). */
export function ContractsTab({ project }: TabProps) {
  const { message } = App.useApp();
  const { data, isFetching, error } = useProjectContracts(project.id);
  const pdf = async (c: StaffContract) => {
    try {
      await download(c.pdfUrl ?? `/api/contracts/${c.id}/contract.pdf`, `${c.contractNo}.pdf`);
    } catch (e) {
      message.error(errorText(e));
    }
  };
  const [status, setStatus] = useState<string | undefined>();
  const rows = (data ?? []).filter((c) => !status || c.status === status);
  return (
    <>
      <Typography.Paragraph>
        买卖合同采用市住房城乡建设部门制定的示范文本，载明房屋基本状况、房价款和支付方式、交付、登记、物业服务、售后管理与违约责任（<ArticleLink article="第十四条" />）；
        使用住房公积金贷款的最低首付款比例为15%（<ArticleLink article="第十三条" />）；签约时认购金折抵购房款（<ArticleLink article="第十一条" />）。
      </Typography.Paragraph>
      <ErrorAlert error={error} />
      <Card size="small" title={<Space wrap><h2 style={{ fontSize: 16, margin: 0 }}>合同列表</h2>
        <Select allowClear placeholder="全部状态" aria-label="按合同状态筛选" style={{ width: 140 }} value={status} onChange={setStatus} data-testid="contracts-status"
          options={Object.entries(CONTRACT_STATUS).map(([value, v]) => ({ value, label: v.label }))} /></Space>}>
        <Table<StaffContract> size="small" rowKey="id" dataSource={rows} loading={isFetching} data-testid="contracts-table" scroll={{ x: 1000 }}
          pagination={{ pageSize: 20, hideOnSinglePage: true, showTotal: (t) => `共 ${t} 份` }} locale={{ emptyText: '暂无合同' }}
          columns={[
            { title: '合同编号', dataIndex: 'contractNo' },
            { title: '房源', key: 'unit', render: (_, c) => `${c.unit?.building ?? ''} ${c.unit?.number ?? ''}` },
            { title: '购房家庭', key: 'buyer', render: (_, c) => c.buyer ? `${c.buyer.maskedName ?? ''}（${c.buyer.regCode}）` : '—' },
            { title: '房价款', dataIndex: 'priceFen', render: (v: number) => formatFen(v) },
            { title: '付款方式', dataIndex: 'loanType', render: (v: string) => LOAN_TYPE[v] ?? v },
            { title: '首付款', dataIndex: 'downPaymentFen', render: (v: number) => formatFen(v) },
            { title: '认购金折抵', dataIndex: 'depositCreditedFen', render: (v: number) => formatFen(v) },
            { title: '状态', dataIndex: 'status', render: (v: string) => <SaleTag map={CONTRACT_STATUS} status={v} /> },
            { title: '签约期限', dataIndex: 'deadlineOn' },
            { title: '签约时间', dataIndex: 'signedAt', render: (v) => formatShanghai(v) },
            { title: '合同', key: 'pdf', render: (_, c) => (
              <Button size="small" icon={<FilePdfOutlined />} onClick={() => pdf(c)} aria-label={`下载合同 ${c.contractNo} PDF`} data-testid={`contract-pdf-${c.contractNo}`}>PDF</Button>
            ) },
          ]} />
      </Card>
    </>
  );
}
