import { Input, Select } from 'antd';
import { useState } from 'react';
import { useDistricts } from '../../../api/queries';

const OTHER = '__other__';

/**
 * Hukou registration place as a 6-digit division code: a Jinan district or county from
 * /api/districts, or "其他" with a free code (a family may hold hukou elsewhere).
 */
export function HukouCitySelect(props: { id?: string; value?: string; onChange?: (v: string) => void; testId: string; label: string }) {
  const { data } = useDistricts();
  // functional zones have no division code of their own; hukou is registered in a district or county
  const divisions = (data ?? []).filter((d) => /^\d{6}$/.test(d.code));
  const known = divisions.some((d) => d.code === props.value);
  const [other, setOther] = useState(Boolean(props.value) && !known && divisions.length > 0);
  const showOther = other || (Boolean(props.value) && divisions.length > 0 && !known);
  return (
    <div>
      <Select
        id={props.id}
        aria-label={props.label}
        data-testid={props.testId}
        placeholder="请选择户籍所在区县"
        value={showOther ? OTHER : props.value || undefined}
        showSearch={{ optionFilterProp: 'label' }}
        options={[...divisions.map((d) => ({ value: d.code, label: `${d.name}（${d.code}）` })), { value: OTHER, label: '其他地区（填写行政区划代码）' }]}
        onChange={(v: string) => {
          if (v === OTHER) {
            setOther(true);
            props.onChange?.('');
          } else {
            setOther(false);
            props.onChange?.(v);
          }
        }}
      />
      {showOther && (
        <Input
          aria-label={`${props.label}：其他地区6位行政区划代码`}
          data-testid={`${props.testId}Other`}
          placeholder="6位行政区划代码，如 370181"
          inputMode="numeric"
          maxLength={6}
          value={props.value}
          onChange={(e) => props.onChange?.(e.target.value.replace(/\D/g, ''))}
          style={{ marginTop: 8 }}
        />
      )}
    </div>
  );
}
