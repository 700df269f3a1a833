import { CheckCircleOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Tag, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { RosterTemplateButton } from '../members/RosterTemplateButton';
import type { DeskAction, DeskTodo } from '../../../../shared/desk/todos';

const TONES: Record<DeskTodo['tone'], { color: string; text: string }> = {
  error: { color: 'red', text: '紧急' },
  warning: { color: 'orange', text: '待办' },
  info: { color: 'blue', text: '本月' },
};

/** Where each action is done. */
export function actionPath(action: DeskAction, month?: string): string {
  switch (action) {
    case 'roster':
      return '/members';
    case 'books-start':
      return '/finance?tab=close';
    case 'post-dues':
      return `/dues?post=${month ?? ''}`;
    case 'close-months':
      return '/ledger?tab=close';
    case 'fix-cash':
      return '/finance';
    case 'collect-arrears':
      return '/dues?tab=arrears';
    case 'backup':
      return '/settings?tab=backup';
  }
}

/** The chair's to-do list: each item says why it is there and leads to where it is done. */
export function TodoList({ todos }: { todos: DeskTodo[] }) {
  const navigate = useNavigate();
  return (
    <Card title="待办事项" size="small" data-testid="desk-todos" extra={todos.length > 0 ? `${todos.length} 项` : undefined}>
      {todos.length === 0 ? (
        // Not antd's Result: it would bring its large status illustrations into the first screen.
        <Flex vertical align="center" gap={8} style={{ padding: '24px 0' }}>
          <CheckCircleOutlined style={{ color: '#52c41a', fontSize: 48 }} />
          <Typography.Text style={{ fontSize: 20 }}>眼下没有待办事项</Typography.Text>
          <Typography.Text type="secondary">会费已登记、账已结、备份也是新的。</Typography.Text>
        </Flex>
      ) : (
        <Flex vertical>
          {todos.map((todo, i) => (
            <Flex
              key={todo.key}
              data-testid={`todo-${todo.key}`}
              gap={16}
              align="center"
              justify="space-between"
              style={{ padding: '10px 0', borderTop: i === 0 ? undefined : '1px solid #f0f0f0' }}
            >
              <div style={{ minWidth: 0 }}>
                <Typography.Text strong>
                  <Tag color={TONES[todo.tone].color}>{TONES[todo.tone].text}</Tag>
                  {todo.title}
                </Typography.Text>
                <div>
                  <Typography.Text type="secondary">{todo.reason}</Typography.Text>
                </div>
              </div>
              <Flex gap={8} vertical align="end">
                <Button type={todo.tone === 'info' ? 'default' : 'primary'} onClick={() => navigate(actionPath(todo.action, todo.month))}>
                  {todo.actionLabel}
                </Button>
                {todo.action === 'roster' && <RosterTemplateButton type="link" />}
              </Flex>
            </Flex>
          ))}
        </Flex>
      )}
    </Card>
  );
}
