import { LockOutlined } from '@ant-design/icons';
import { Alert, Input, Modal, Space, Typography } from 'antd';
import { useRef, useState, type ReactNode } from 'react';
import { BackupPasswordError } from '../../../../shared/backup/backup-error';

interface Prompt {
  fileName: string;
  error: string | null;
  busy: boolean;
}

/**
 * Opens a backup file that may be password-protected: `unlock` tries it without a password and,
 * when it turns out to be encrypted, asks for one until it opens or the user cancels (null). A
 * wrong password is said in the dialog and asked again; nothing is changed meanwhile.
 */
export function useUnlockDialog(): {
  unlock: <T>(fileName: string, open: (password: string | undefined) => Promise<T>) => Promise<T | null>;
  dialog: ReactNode;
} {
  const [prompt, setPrompt] = useState<Prompt | null>(null);
  const [password, setPassword] = useState('');
  const pending = useRef<{ submit: (password: string) => Promise<void>; cancel: () => void } | null>(null);

  const unlock = async <T,>(fileName: string, open: (password: string | undefined) => Promise<T>): Promise<T | null> => {
    try {
      return await open(undefined);
    } catch (error) {
      if (!(error instanceof BackupPasswordError)) throw error;
    }
    return new Promise<T | null>((resolve, reject) => {
      const close = () => {
        pending.current = null;
        setPrompt(null);
        setPassword('');
      };
      pending.current = {
        submit: async (typed) => {
          setPrompt((p) => p && { ...p, busy: true, error: null });
          try {
            const value = await open(typed);
            close();
            resolve(value);
          } catch (error) {
            if (error instanceof BackupPasswordError) {
              setPrompt((p) => p && { ...p, busy: false, error: error.message });
              setPassword('');
              return;
            }
            close();
            reject(error instanceof Error ? error : new Error(String(error)));
          }
        },
        cancel: () => {
          close();
          resolve(null);
        },
      };
      setPrompt({ fileName, error: null, busy: false });
    });
  };

  const submit = () => {
    if (password) void pending.current?.submit(password);
  };
  const dialog = (
    <Modal
      open={prompt !== null}
      title={
        <>
          <LockOutlined /> 输入备份密码
        </>
      }
      okText="打开"
      cancelText="取消"
      okButtonProps={{ disabled: !password, loading: prompt?.busy ?? false }}
      onOk={submit}
      onCancel={() => pending.current?.cancel()}
      destroyOnHidden
    >
      <Space direction="vertical" style={{ width: '100%' }}>
        <Typography.Text>备份文件“{prompt?.fileName}”设有密码，请输入备份时设置的密码。</Typography.Text>
        <Input.Password
          aria-label="备份密码"
          autoFocus
          value={password}
          autoComplete="current-password"
          onChange={(e) => setPassword(e.target.value)}
          onPressEnter={submit}
        />
        {prompt?.error && <Alert type="error" showIcon title={prompt.error} role="alert" />}
      </Space>
    </Modal>
  );
  return { unlock, dialog };
}
