// The registry CLI itself (scripts/registry.ts loads it with the compile cache on).
// Exported CSVs → the public list (danh-sach-ocop.json/.csv) and the private report (bao-cao.json).
import { parseArgs } from 'node:util';
import { countsAddUp, summaryLine } from '../src/registry/build.ts';
import { parallelMinBytes } from '../src/registry/node/parallel.ts';
import { DEFAULT_OUT_DIR, REPORT_JSON, writeRegistryOutputs } from '../src/publish/node/outputs.ts';
import { runRegistry } from '../src/registry/node/run.ts';

const USAGE = 'usage: npm run registry -- [PATH ...] [--out DIR] [--strict]';

function fail(message: string): never {
  process.stderr.write(`registry: ${message}\n`);
  process.exit(1);
}

let args;
try {
  args = parseArgs({
    allowPositionals: true,
    options: {
      out: { type: 'string' },
      strict: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h' },
    },
  });
} catch (err) {
  fail(`${(err as Error).message}\n${USAGE}`);
}
if (args.values.help) {
  process.stdout.write(
    `${USAGE}\nPATHs are CSV files or folders (default content/registrations/); --out defaults to src/generated/registry/.\n`,
  );
  process.exit(0);
}
if (args.values.out !== undefined && args.values.out.trim() === '')
  fail(`--out needs a folder\n${USAGE}`);

const outDir = args.values.out ?? DEFAULT_OUT_DIR;
const result = runRegistry({ paths: args.positionals, parallelMinBytes: parallelMinBytes() });
if (!result.ok) fail(`cannot read the input, nothing written:\n  ${result.errors.join('\n  ')}`);

const { run } = result;
if (!countsAddUp(run.report))
  fail(`internal error: counts do not add up (${JSON.stringify(run.report)})`);
try {
  writeRegistryOutputs(outDir, run);
} catch (err) {
  fail(
    `cannot write the outputs into ${outDir}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`,
  );
}
process.stdout.write(`${summaryLine(run.report, run.files.length)} → ${outDir}\n`);
if (run.report.rejected > 0) {
  process.stderr.write(
    `registry: ${run.report.rejected} row(s) rejected; see ${REPORT_JSON} in ${outDir}\n`,
  );
  if (args.values.strict) process.exit(1);
}
