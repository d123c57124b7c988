import { App } from 'antd';
import { useNavigate } from 'react-router-dom';
import { useStartPayment } from '../../../api/sale-my';
import { errorText } from '../../../components/ErrorAlert';

/**
 * 支付认购金: asks the platform for a payment order, then goes to the gateway's page (the
 * simulated bank is a page of this site, a real bank would be another origin).
 */
export function usePayDeposit() {
  const start = useStartPayment();
  const nav = useNavigate();
  const { message } = App.useApp();
  const pay = async (registrationId: string) => {
    try {
      const { payUrl } = await start.mutateAsync(registrationId);
      if (payUrl.startsWith('/') && !payUrl.startsWith('//')) nav(payUrl);
      else window.location.assign(payUrl);
    } catch (e) {
      message.error(errorText(e));
    }
  };
  return { pay, pending: start.isPending ? start.variables : undefined };
}
