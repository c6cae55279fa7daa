// npm run registry -- [PATH ...] [--out DIR] [--strict]
// Exported CSVs → the public list (danh-sach-ocop.json/.csv) and the private report (bao-cao.json).
//
// Node's compile cache is turned on before the CLI's modules load: every build runs this command,
// and compiling its TypeScript afresh each time took about half of a small run (0.45 s → 0.2 s).
// The cache lives in the system's temporary folder and is checked against each file's content.
import { enableCompileCache } from 'node:module';

enableCompileCache?.();
await import('./registry-main.ts');
