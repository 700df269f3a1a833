import { createPortal } from 'react-dom';
import { useServices } from '../../app/services';
import { FILTERS } from '../../platform';
import { useRestoreFlow } from '../backup/useRestoreFlow';
import { RestoreButtonsView } from './RestoreButtonsView';

/**
 * 从备份恢复 and 载入交接文件 on the first-run page, with the restore flow behind them: loaded after
 * the page shows, since most first runs create a union. The flow's progress and its refusals show at
 * the top of the page (`top`), where the page had them before.
 */
export default function RestoreButtons({ top }: { top: HTMLElement | null }) {
  const { platform } = useServices();
  const restoring = useRestoreFlow();

  // A chair on a new computer starts from the books they brought, not from a throwaway union.
  const restore = async (handover = false) => {
    restoring.clearError();
    const file = await platform.openFile(FILTERS.book);
    if (file) await restoring.restore(file, { handover });
  };

  return (
    <>
      {top &&
        createPortal(
          <>
            {restoring.view}
            {restoring.alert}
          </>,
          top,
        )}
      <RestoreButtonsView busy={restoring.busy} onRestore={(handover) => void restore(handover)} />
    </>
  );
}
