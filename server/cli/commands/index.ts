import type { Command } from '../command';
import { auditCommand } from './audit';
import { bankImportCommand, exportReconciliationCommand } from './bank';
import { backupDecryptCommand, backupEncryptCommand } from './backup';
import { booksCommands } from './books';
import { demoCommand } from './demo';
import { duesPostCommand } from './dues-post';
import { exportDocsCommands } from './export-docs';
import { exportJournalCommand, exportStatementCommand } from './export-finance';
import { exportLedgerCommand } from './export-ledger';
import { factsCommand } from './facts';
import { initCommand } from './init';
import { ledgerCommands } from './ledger';
import { exportAccountsCommands } from './export-accounts';
import { rosterImportCommand } from './roster-import';
import { serverAddUnionCommand } from './server-add-union';
import { serverAnnualStatsCommand } from './server-annual-stats';
import { serverBackupCommand, serverRestoreCommand } from './server-backup';
import { serverDevicesCommand, serverRevokeDeviceCommand } from './server-devices';
import { serverEnrolmentFileCommand, serverImportPackageCommand } from './server-packages';
import { serverAddAdminCommand, serverAddOrgCommand, serverStatsCommand } from './server-orgs';
import { serverStartCommand } from './server-start';
import { syncCommand } from './sync';
import { syncPackageCommands } from './sync-packages';
import { verifyCommand } from './verify';

/** Every command of `unionbooks`. Add a command by importing it here. */
export const COMMANDS: readonly Command[] = [
  initCommand,
  demoCommand,
  verifyCommand,
  backupEncryptCommand,
  backupDecryptCommand,
  duesPostCommand,
  ...booksCommands,
  ...ledgerCommands,
  exportLedgerCommand,
  rosterImportCommand,
  factsCommand,
  auditCommand,
  ...exportDocsCommands,
  exportJournalCommand,
  exportStatementCommand,
  bankImportCommand,
  exportReconciliationCommand,
  ...exportAccountsCommands,
  serverStartCommand,
  serverAddUnionCommand,
  serverAddOrgCommand,
  serverAddAdminCommand,
  serverStatsCommand,
  serverAnnualStatsCommand,
  serverDevicesCommand,
  serverRevokeDeviceCommand,
  serverBackupCommand,
  serverRestoreCommand,
  syncCommand,
  ...syncPackageCommands,
  serverEnrolmentFileCommand,
  serverImportPackageCommand,
];
