// No input stalls an instance (issue #36): what the readers of uploads and API bodies cost on
// hostile and on large honest files, and the longest the event loop is held meanwhile — the
// time during which the server answers nobody (monitorEventLoopDelay, 10 ms resolution).
//
//   npx tsx bench/parsers.ts
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { strToU8 } from 'fflate';
import { readSiecleUpload } from '@/lib/administration/siecle/read';
import { siecleFile, type EleveDeTest } from '@/lib/administration/siecle/testing';
import { parseJsonWithin } from '@/lib/common/json';

const UAI = '0999001W';

async function measure(label: string, work: () => Promise<unknown> | unknown) {
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  const started = performance.now();
  let outcome = 'lu';
  try {
    await work();
  } catch (error) {
    outcome = `refusé : ${(error as Error).message.slice(0, 70)}`;
  }
  const ms = performance.now() - started;
  delay.disable();
  console.log(
    `| ${label} | ${ms.toFixed(0)} ms | ${(delay.max / 1e6).toFixed(0)} ms | ${outcome} |`,
  );
}

function nested(bytes: number): Uint8Array {
  const depth = Math.floor(bytes / 7);
  return strToU8(`<BEE_ELEVES>${'<A>'.repeat(depth)}${'</A>'.repeat(depth)}</BEE_ELEVES>`);
}

function pupils(n: number): EleveDeTest[] {
  return Array.from({ length: n }, (_, i) => ({
    eleveId: String(10_000 + i),
    ine: `${String(100_000_000 + i)}ZZ`,
    nom: `NOM${i}`,
    prenom: 'Prénom',
    mef: '24725517310',
    division: `D${i % 40}`,
  }));
}

console.log('| input | time | longest event-loop block | outcome |');
console.log('| --- | --- | --- | --- |');
await measure('SIECLE, 280 KB nested 40 000 deep', () => readSiecleUpload(nested(280_000), UAI));
await measure('SIECLE, 1.4 MB nested', () => readSiecleUpload(nested(1_400_000), UAI));
await measure('SIECLE, 20 MB nested', () => readSiecleUpload(nested(20 * 1024 * 1024 - 64), UAI));
for (const n of [4_000, 30_000]) {
  const file = siecleFile(UAI, 2026, pupils(n));
  await measure(`SIECLE, ${n} pupils (${(file.length / 1024 / 1024).toFixed(1)} MB)`, () =>
    readSiecleUpload(file, UAI),
  );
}
const deepJson = `${'['.repeat(10_000_000)}${']'.repeat(10_000_000)}`;
await measure('JSON, 20 MB nested (depth checked first)', () => parseJsonWithin(deepJson, 8));
await measure('JSON, 20 MB nested (JSON.parse alone)', () => JSON.parse(deepJson));
