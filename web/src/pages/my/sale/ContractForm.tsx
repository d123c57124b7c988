import { Alert, Button, Form, Input, Radio, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { ApiError } from '../../../api/client';
import { useDownPaymentRule } from '../../../api/sale-my';
import { ArticleLink } from '../../../components/ArticleLink';
import { LOAN_TYPE } from '../../../lib/labels';
import { fenToYuanText, formatFen, yuanTextToFen } from '../../sale-public/money';

/** 100 × ratio as a percent: "0.15" → "15%". */
const pct = (ratio: string) => (Number.isFinite(Number(ratio)) ? `${parseFloat((Number(ratio) * 100).toFixed(4))}%` : ratio);

/**
 * Loan type and down payment, with the minimum of rule housing.down-payment (第十三条)
 * evaluated live by the server's rule endpoint, so the page shows the figure the contract
 * will be checked against.
 */
export function ContractForm(props: {
  priceFen: number;
  initial?: { loanType?: string; downPaymentFen?: number };
  heldFen?: number;
  submitting: boolean;
  submitLabel: string;
  serverError?: unknown;
  onSubmit: (v: { loanType: string; downPaymentFen: number }) => void;
}) {
  const [loanType, setLoanType] = useState(props.initial?.loanType ?? 'provident_fund');
  const [text, setText] = useState(props.initial?.downPaymentFen !== undefined ? fenToYuanText(props.initial.downPaymentFen) : '');
  const fen = yuanTextToFen(text);
  const full = loanType === 'none';
  const down = full ? props.priceFen : fen;
  const rule = useDownPaymentRule({ price: props.priceFen, downPayment: down, loanType });
  const min = rule.data?.minimum;

  // Start from the minimum the rule allows; the family may raise it.
  useEffect(() => {
    if (text === '' && min !== undefined && !full) setText(fenToYuanText(min));
  }, [min, full, text]);

  const tooHigh = down !== null && down > props.priceFen;
  const below = down !== null && min !== undefined && down < min;
  const invalid = !full && (fen === null || tooHigh || below);
  const serverField = props.serverError instanceof ApiError && props.serverError.field?.endsWith('downPaymentFen') ? props.serverError.messageZh : undefined;
  const help = !full && text !== '' && fen === null ? '请输入金额（元），最多两位小数'
    : tooHigh ? '首付款不能高于房价' : below ? `低于最低首付款 ${formatFen(min)}` : serverField;

  return (
    <Form layout="vertical" onFinish={() => down !== null && !invalid && props.onSubmit({ loanType, downPaymentFen: down })}>
      <Form.Item label="付款方式">
        <Radio.Group value={loanType} onChange={(e) => setLoanType(e.target.value)} data-testid="loan-type"
          optionType="button" buttonStyle="solid" options={Object.entries(LOAN_TYPE).map(([value, label]) => ({ value, label }))} />
      </Form.Item>
      <Form.Item label="首付款（元）" validateStatus={help ? 'error' : undefined} help={help}
        extra={min !== undefined && (
          <span data-testid="down-payment-minimum">
            最低首付款 {formatFen(min)}
            {full ? '（不贷款须付全款）' : `（房价的 ${pct(rule.data!.ratio)}）`}，依据<ArticleLink article="第十三条" />
          </span>
        )}>
        <Input prefix="¥" inputMode="decimal" value={full ? fenToYuanText(props.priceFen) : text} disabled={full}
          onChange={(e) => setText(e.target.value)} data-testid="down-payment" aria-label="首付款（元）" />
      </Form.Item>
      {down !== null && !tooHigh && (
        <Typography.Paragraph data-testid="loan-amount">
          贷款金额：{formatFen(props.priceFen - down)}
          {props.heldFen ? <>；签约时已缴认购金 {formatFen(props.heldFen)} 折抵购房款（<ArticleLink article="第十一条" />）</> : null}
        </Typography.Paragraph>
      )}
      {rule.error ? <Alert type="warning" showIcon style={{ marginBottom: 12 }} title="暂时无法计算最低首付款，生成合同时由系统核验" /> : null}
      <Button type="primary" htmlType="submit" size="large" block disabled={invalid} loading={props.submitting} data-testid="generate-contract">
        {props.submitLabel}
      </Button>
    </Form>
  );
}
