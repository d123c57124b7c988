/**
 * 第二十七条 calculator: a family or anyone types the original price (元), the payment and
 * completion dates and the valuation date; the server evaluates rule housing.buyback-price. The
 * price-index fields show only while the method's K switch (housing.buyback.price_level_adjustment)
 * is on: with it off the rule takes K = 1 whatever indexes are typed, so asking for them would mislead.
 */
import { Button, Card, Col, Form, Input, Row, Typography } from 'antd';
import { useState } from 'react';
import { type CalculatorForm, calculatorBody, useBuybackCalculator } from '../../api/home';
import { ErrorAlert } from '../../components/ErrorAlert';
import { applyApiError } from '../../components/formErrors';
import { yuanTextToFen } from '../sale-public/money';
import { PriceBreakdown } from './PriceBreakdown';

// The price field carries the API's name (originalPriceFen) so a server error lands on it; people type 元.
type Fields = Omit<CalculatorForm, 'originalPriceFen' | 'useCpi'> & { originalPriceFen: string };

/** The form and its result. `today` (the server's) is the default valuation date. */
export function Calculator({ today, kOn }: { today: string; kOn: boolean }) {
  const [form] = Form.useForm<Fields>();
  const calc = useBuybackCalculator();
  // An error the server names a field for is shown on that field only.
  const [onField, setOnField] = useState(false);
  const onFinish = async (f: Fields) => {
    setOnField(false);
    try {
      await calc.mutateAsync(calculatorBody({ ...f, useCpi: kOn, originalPriceFen: yuanTextToFen(f.originalPriceFen)! }));
    } catch (e) {
      setOnField(applyApiError(form, e));
    }
  };
  const date = (name: keyof Fields, label: string, help?: string) => (
    <Col xs={24} sm={8}>
      <Form.Item name={name} label={label} extra={help} rules={[{ required: true, message: `请填写${label}` }]}>
        <Input type="date" data-testid={`calc-${name}`} />
      </Form.Item>
    </Col>
  );
  return (
    <Card size="small">
      <Form form={form} layout="vertical" onFinish={onFinish} requiredMark="optional"
        initialValues={{ valuationOn: today }} data-testid="buyback-calculator">
        <Form.Item name="originalPriceFen" label="原购房价款（元）" extra="购房合同约定的总价，不含维修资金"
          rules={[{ required: true, message: '请填写原购房价款' },
            { validator: (_, v) => (v === undefined || v === '' || (yuanTextToFen(v) ?? 0) > 0 ? Promise.resolve() : Promise.reject(new Error('请填写大于零的金额，最多两位小数'))) }]}>
          <Input inputMode="decimal" placeholder="例如 850000" data-testid="calc-originalPrice" autoComplete="off" />
        </Form.Item>
        <Row gutter={12}>
          {date('paidOn', '全额付款日', '付清购房款之日，利息自此计算')}
          {date('builtOn', '竣工日期', '房屋竣工之日，折旧自此计算')}
          {date('valuationOn', '测算日期')}
        </Row>
        {!kOn && (
          <Typography.Paragraph style={{ color: 'rgba(0,0,0,0.7)' }} data-testid="calc-k-off">
            公布的测算方式暂未启用物价水平调整，K = 1，无需填写物价指数。
          </Typography.Paragraph>
        )}
        {kOn && (
          <Row gutter={12}>
            <Col xs={12}>
              <Form.Item name="cpiAtPurchase" label="购房时物价指数" rules={[{ required: true, message: '请填写购房时物价指数' }]}>
                <Input inputMode="decimal" data-testid="calc-cpiAtPurchase" autoComplete="off" />
              </Form.Item>
            </Col>
            <Col xs={12}>
              <Form.Item name="cpiAtValuation" label="测算时物价指数" rules={[{ required: true, message: '请填写测算时物价指数' }]}>
                <Input inputMode="decimal" data-testid="calc-cpiAtValuation" autoComplete="off" />
              </Form.Item>
            </Col>
          </Row>
        )}
        <Button type="primary" htmlType="submit" size="large" block loading={calc.isPending} data-testid="calc-submit">计算回购价格</Button>
      </Form>
      <ErrorAlert error={onField ? null : calc.error} style={{ marginTop: 12 }} />
      {calc.data && (
        <div style={{ marginTop: 16 }} aria-live="polite">
          <h3 style={{ fontSize: 16 }}>测算结果</h3>
          <PriceBreakdown result={calc.data} testId="calc-result" />
        </div>
      )}
    </Card>
  );
}
