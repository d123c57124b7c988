import { Form } from 'antd';
import { readIdNumber } from '../../../lib/idNumber';

/** Shows the birth date and sex read from a valid 身份证号 under the field. */
export function IdNumberHint({ index }: { index: number }) {
  const id = Form.useWatch(['members', index, 'idNumber']) as string | undefined;
  if (!id) return <span>18位居民身份证号，末位可为X</span>;
  const info = readIdNumber(id);
  if (!info.valid) return null;
  return (
    <span data-testid={`member-${index}-idInfo`}>
      出生日期 {info.birthDate} · {info.sex === 'male' ? '男' : '女'}
    </span>
  );
}

/** antd validator: GB 11643 checksum with the reason in Chinese. */
export function idNumberValidator(_: unknown, value?: string) {
  if (!value) return Promise.reject(new Error('请输入身份证号'));
  const info = readIdNumber(value);
  return info.valid ? Promise.resolve() : Promise.reject(new Error(`身份证号有误：${info.reason_zh}`));
}
