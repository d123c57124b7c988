import type { ThemeConfig } from 'antd';

// Colours chosen for WCAG AA contrast on white (axe "color-contrast" is a serious violation):
// antd's default blue #1677ff and 45 % grey text fall below 4.5:1, so they are darkened here.
export const theme: ThemeConfig = {
  token: {
    colorPrimary: '#1a4fa0',
    colorLink: '#1a4fa0',
    colorSuccess: '#237804',
    colorWarning: '#ad4e00',
    colorError: '#a8071a',
    colorInfo: '#1a4fa0',
    colorTextSecondary: 'rgba(0,0,0,0.70)',
    colorTextTertiary: 'rgba(0,0,0,0.62)',
    colorTextDescription: 'rgba(0,0,0,0.62)',
    colorTextPlaceholder: 'rgba(0,0,0,0.55)',
    borderRadius: 6,
    fontFamily:
      "-apple-system, BlinkMacSystemFont, 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Noto Sans SC', 'Helvetica Neue', Arial, sans-serif",
  },
  components: {
    // the header menu sits on the brand blue: white text keeps 8:1
    Menu: {
      darkItemBg: '#1a4fa0',
      darkPopupBg: '#1a4fa0',
      darkItemColor: '#ffffff',
      darkItemHoverColor: '#ffffff',
      darkItemSelectedBg: '#0d3470',
      darkItemSelectedColor: '#ffffff',
    },
  },
};
