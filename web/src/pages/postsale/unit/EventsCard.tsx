/**
 * 事件 (第二十、二十二、二十三、二十五条): the unit's events as a timeline with their evidence, and
 * the form to record one. Inheritance and divorce name the new holder (第二十二条: the nature is
 * kept, a new title is written); the other kinds open a case.
 */
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Form, Input, Radio, Select, Space, Timeline, Typography } from 'antd';
import type { UnitRecord } from '../../../api/postsale';
import { ArticleLink } from '../../../components/ArticleLink';
import { CardTitle, EVIDENCE_KIND, EvidenceList } from '../Bits';
import { DateField, FormDialog, TextField } from '../FormDialog';
import { eventBody, EVENT_KIND, type EventValues, TRANSFER_EVENTS } from '../model';

/** The events card of the dossier. */
export function EventsCard({ record: r, canWrite }: { record: UnitRecord; canWrite: boolean }) {
  return (
    <Card size="small" data-testid="unit-events-card" title={<CardTitle>事件（<ArticleLink article="第二十条" />、<ArticleLink article="第二十二条" />、<ArticleLink article="第二十三条" />）</CardTitle>}
      extra={canWrite && r.title && r.title.holderKind !== 'government' ? <EventForm unitId={r.unit.id} /> : null}>
      {r.events.length === 0 ? <Typography.Text type="secondary">暂无事件</Typography.Text> : (
        <Timeline items={r.events.map((e) => {
          const k = EVENT_KIND[e.kind];
          return {
            key: e.id,
            color: TRANSFER_EVENTS.includes(e.kind) ? 'blue' : 'red',
            content: (
              <div>
                <Typography.Text strong>{e.occurredOn} {k?.label ?? e.kind}</Typography.Text>
                {k && <>（<ArticleLink article={k.article} clause={k.clause} />）</>}
                {e.caseNo && <Typography.Text type="secondary"> · 案件 {e.caseNo}</Typography.Text>}
                {e.note && <div>{e.note}</div>}
                <EvidenceList items={e.evidence} />
              </div>
            ),
          };
        })} />
      )}
    </Card>
  );
}

function EventForm({ unitId }: { unitId: string }) {
  return (
    <FormDialog<EventValues> label="登记事件" article="第二十二条" testId="event-record" path={`/api/units/${unitId}/events`} toBody={eventBody}
      initialValues={{ holderBy: 'regCode', evidence: [{ kind: 'document', ref: '' }] }}
      rename={{ 'newTitle.certificateNo': 'certificateNo', 'newTitle.issuedOn': 'issuedOn', 'newHolder.regCode': 'regCode', 'newHolder.name': 'name', 'newHolder.idNumber': 'idNumber' }}
      confirm="记录房屋发生的变化及其证明材料；继承、离婚析产登记新的权利人，出租、改变用途、其他抵押、结构拆改或法律纠纷立案处理">
      <Form.Item name="kind" label="事件类型" rules={[{ required: true, message: '请选择事件类型' }]}>
        <Select data-testid="event-record-kind" aria-label="事件类型"
          options={Object.entries(EVENT_KIND).map(([value, k]) => ({ value, label: `${k.label}（${k.article}${k.clause ?? ''}）` }))} />
      </Form.Item>
      <DateField name="occurredOn" label="发生日期（继承开始、析产生效之日）" testId="event-record-occurredOn" />
      <Form.Item noStyle shouldUpdate={(a, b) => a.kind !== b.kind || a.holderBy !== b.holderBy}>
        {({ getFieldValue }) => TRANSFER_EVENTS.includes(getFieldValue('kind')) && (
          <>
            <Form.Item name="holderBy" label="新权利人">
              <Radio.Group data-testid="event-record-holderBy" options={[{ value: 'regCode', label: '保障家庭（登记编号）' }, { value: 'person', label: '个人（姓名与身份证号）' }]} />
            </Form.Item>
            {getFieldValue('holderBy') === 'person' ? (
              <>
                <TextField name="name" label="姓名" testId="event-record-name" />
                <Form.Item name="idNumber" label="身份证号" rules={[{ required: true, message: '请填写身份证号' }, { pattern: /^\d{17}[\dXx]$/, message: '身份证号应为18位' }]}>
                  <Input data-testid="event-record-idNumber" autoComplete="off" />
                </Form.Item>
              </>
            ) : <TextField name="regCode" label="登记编号" testId="event-record-regCode" />}
            <TextField name="certificateNo" label="新不动产权证书号（房屋性质不变）" testId="event-record-certificateNo" />
            <DateField name="issuedOn" label="新证发证日期" testId="event-record-issuedOn" />
          </>
        )}
      </Form.Item>
      <Form.List name="evidence" rules={[{ validator: async (_, v) => { if (!v || v.length < 1) throw new Error('至少提供一项证明材料'); } }]}>
        {(fields, { add, remove }, { errors }) => (
          <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
            <legend style={{ fontSize: 14, marginBottom: 8 }}>证明材料</legend>
            {fields.map((f, i) => (
              <Space key={f.key} align="baseline" wrap>
                <Form.Item name={[f.name, 'kind']} rules={[{ required: true, message: '请选择' }]}>
                  <Select aria-label={`材料${i + 1}类型`} style={{ width: 110 }} data-testid={`event-record-evidence-${i}-kind`}
                    options={Object.entries(EVIDENCE_KIND).map(([value, label]) => ({ value, label }))} />
                </Form.Item>
                <Form.Item name={[f.name, 'ref']} rules={[{ required: true, whitespace: true, message: '请填写材料编号' }]}>
                  <Input aria-label={`材料${i + 1}编号`} placeholder="文书或核查编号" data-testid={`event-record-evidence-${i}-ref`} />
                </Form.Item>
                <Form.Item name={[f.name, 'note']}>
                  <Input aria-label={`材料${i + 1}说明`} placeholder="说明（可选）" data-testid={`event-record-evidence-${i}-note`} />
                </Form.Item>
                {fields.length > 1 && <Button type="text" icon={<MinusCircleOutlined />} aria-label={`删除材料${i + 1}`} onClick={() => remove(f.name)} />}
              </Space>
            ))}
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ kind: 'document', ref: '' })} data-testid="event-record-evidence-add">添加材料</Button>
            <Form.ErrorList errors={errors} />
          </fieldset>
        )}
      </Form.List>
      <TextField name="note" label="备注" testId="event-record-note" required={false} multiline />
    </FormDialog>
  );
}
