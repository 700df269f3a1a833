import { execFileSync } from 'node:child_process';

/**
 * The python3 that has the independent readers the tests open generated files with (python-docx,
 * openpyxl — Debian's python3-docx and python3-openpyxl). A python3 earlier on PATH (a version
 * manager's shim, say) may lack them, so every python3 on PATH is tried in turn; UB_PYTHON names
 * one explicitly.
 */
function findPython(): string {
  const explicit = process.env.UB_PYTHON;
  if (explicit) return explicit;
  const onPath = execFileSync('sh', ['-c', 'which -a python3 || true'], { encoding: 'utf8' })
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  for (const candidate of onPath) {
    try {
      execFileSync(candidate, ['-c', 'import docx, openpyxl'], { stdio: 'ignore' });
      return candidate;
    } catch {
      // This one lacks the readers: try the next.
    }
  }
  throw new Error('找不到装有 python-docx 和 openpyxl 的 python3：请安装 python3-docx 和 python3-openpyxl');
}

export const PYTHON = findPython();
