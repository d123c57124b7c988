import { Alert } from 'antd';
import { ApiError } from '../api/client';

/** Shows an API error's Chinese message (message_zh), or nothing when there is no error. */
export function ErrorAlert({ error, style }: { error: unknown; style?: React.CSSProperties }) {
  if (!error) return null;
  const msg = error instanceof ApiError ? error.messageZh : '出现错误，请稍后再试';
  return <Alert type="error" showIcon title={msg} style={{ marginBottom: 16, ...style }} role="alert" />;
}

/** Chinese message of any error. */
export function errorText(error: unknown): string {
  return error instanceof ApiError ? error.messageZh : '出现错误，请稍后再试';
}
