import { Alert, Flex, Typography } from 'antd';
import type { LimitWarning } from '../../../../shared/limits/check';
import { LOCAL_RULES_NOTE } from '../../../../shared/limits/presets';

/** The warnings of one visit, each naming its rule. They inform; the user may still save. */
export function LimitWarnings({ warnings }: { warnings: readonly LimitWarning[] }) {
  return (
    <Flex vertical gap={8} data-testid="limit-warnings">
      {warnings.map((w) => (
        <Alert key={w.rule} type="warning" showIcon title={w.rule} description={w.message} />
      ))}
      <Typography.Text type="secondary">{LOCAL_RULES_NOTE}</Typography.Text>
    </Flex>
  );
}
