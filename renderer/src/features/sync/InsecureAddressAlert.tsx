import { Alert } from 'antd';
import type { CSSProperties } from 'react';

/** Shown wherever a non-loopback server address uses plain http. */
export function InsecureAddressAlert({ style }: { style?: CSSProperties }) {
  return (
    <Alert
      type="warning"
      showIcon
      style={style}
      data-testid="insecure-address"
      title="此地址使用 http://，连接未加密"
      description="注册码、设备凭证和会员身份证号等信息将以明文经过网络，途中可能被他人截取。请向上级工会索取以 https:// 开头的地址；仅在可信的内部网络中才使用 http://。"
    />
  );
}
