import { Button, type ButtonProps } from 'antd';
import { useNavigate } from 'react-router-dom';

/**
 * A link that looks like a button (an <a>, so no button nested in a link, which axe forbids),
 * navigating inside the single-page app.
 */
export function LinkButton({ to, ...rest }: Omit<ButtonProps, 'href'> & { to: string }) {
  const nav = useNavigate();
  return (
    <Button
      {...rest}
      href={to}
      onClick={(e) => {
        if (e.metaKey || e.ctrlKey || e.shiftKey) return;
        e.preventDefault();
        nav(to);
      }}
    />
  );
}
