/** The overhead report as Markdown (bench/results/latest.md's first section). */
import type { CpuUse } from './cpu.js';
import type { Stats } from './loop.js';
import type { OperationResult, OverheadReport } from './measure.js';
import { geomean, msPerRequest, type TargetVerdict } from './verdicts.js';

const fmt = (n: number | undefined, digits = 1) => (n === undefined ? '–' : n.toFixed(digits));
const pct = (n: number | undefined) => (n === undefined ? '–' : `${Math.round(n * 100)}%`);
const times = (n: number | undefined) => (n === undefined ? '–' : `${n.toFixed(2)}×`);

/** CPU ms per request of the serving process, then of Neo4j, for one side's cell. */
function cpuPerRequest(s: Stats | undefined, server: 'api' | 'peer' | 'floor'): string {
  if (!s) return '–';
  return `${fmt(msPerRequest(s, server), 2)} + ${fmt(msPerRequest(s, 'neo4j'), 2)}`;
}

function others(cpu: CpuUse): string {
  return cpu.others !== undefined ? fmt(cpu.others, 2) : '–';
}

function checksTable(report: OverheadReport): string[] {
  const lines = ['| operation | round trips API / peer / floor | ids API / floor / peer | floor | peer |', '|---|---:|---:|---|---|'];
  for (const c of report.checks) {
    const peer = c.peer;
    lines.push(
      `| ${c.operation} | ${c.roundTrips ?? '?'} / ${peer?.roundTrips ?? '–'} / 1 | ${c.ids?.api ?? peer?.ids?.api ?? '–'} / ${c.ids?.floor ?? '–'} / ${peer?.ids?.other ?? '–'} | ` +
        `${c.ok ? 'same ids' : `**error**: ${c.error}`} | ${peer ? (peer.ok ? 'same ids' : `not compared: ${peer.error}`) : 'no peer in this run'} |`,
    );
  }
  return lines;
}

function levelTable(rows: OperationResult[]): string[] {
  const lines = [
    '| operation | API / peer | API / floor | req/s API · peer · floor | p50 ms API · peer · floor | p99 ms API · peer · floor | CPU ms/request, server + Neo4j: API · peer · floor | load generator ms/request (API cell) | other processes, cores (API cell) |',
    '|---|---:|---:|---|---|---|---|---:|---:|',
  ];
  for (const r of rows) {
    lines.push(
      `| ${r.operation} | ${times(r.peerRatio)} | ${pct(r.ratio)} | ${fmt(r.api.throughput)} · ${fmt(r.peer?.throughput)} · ${fmt(r.floor.throughput)} | ` +
        `${fmt(r.api.p50, 2)} · ${fmt(r.peer?.p50, 2)} · ${fmt(r.floor.p50, 2)} | ${fmt(r.api.p99, 2)} · ${fmt(r.peer?.p99, 2)} · ${fmt(r.floor.p99, 2)} | ` +
        `${cpuPerRequest(r.api, 'api')} · ${cpuPerRequest(r.peer, 'peer')} · ${cpuPerRequest(r.floor, 'floor')} | ${fmt(msPerRequest(r.api, 'bench'), 2)} | ${others(r.api.cpu)} |`,
    );
  }
  return lines;
}

function targetLines(t: TargetVerdict): string[] {
  const verdict = t.met === null ? 'NOT MEASURED' : t.met ? 'MET' : 'MISSED';
  const lines = [`- **${verdict}**: ${t.target}. Measured: ${t.measured}.`];
  const worstFirst = [...t.misses].sort((a, b) => (t.id === 'p99-at-32' ? b.measured - a.measured : a.measured - b.measured));
  for (const operation of [...new Set(worstFirst.map((m) => m.operation))]) {
    const misses = worstFirst.filter((m) => m.operation === operation).sort((a, b) => a.concurrency - b.concurrency);
    const worst = worstFirst.find((m) => m.operation === operation)!;
    const value = (v: number) => (t.id === 'p99-at-32' ? `${v} ms` : t.id === 'peer-ratio' ? `${v}×` : `${Math.round(v * 100)}%`);
    lines.push(`  - ${operation} (${misses.map((m) => `${value(m.measured)} at ${m.concurrency}`).join(', ')}): ${worst.explanation}`);
  }
  return lines;
}

export function overheadMarkdown(report: OverheadReport): string {
  const e = report.environment;
  const lines: string[] = [];
  lines.push('## The API, @neo4j/graphql (the peer) and hand-written Cypher (the floor), each behind HTTP');
  lines.push('');
  lines.push(
    `${report.durationSeconds} s per cell and side in ${report.rounds ?? 1} interleaved round(s), after ${report.warmupSeconds} s of warm-up per operation and side; ` +
      `closed loop (each client sends its next request when the previous one is answered) at ${report.concurrency.join(', ')} clients. ` +
      `API ${report.apiUrl}, peer ${report.peerUrl ?? '(none)'}, floor ${report.floorUrl ?? '(in process)'}, each its own process, all reading ${report.neo4jUri}. ` +
      `${e.cpus} × ${e.cpuModel}, Node ${e.node}, ${e.platform}; load average ${e.loadAverageAtStart.join(' ')} at the start, ${e.loadAverage.join(' ')} at the end. Started ${report.startedAt}.`,
  );
  lines.push('');
  lines.push('### Same data on every side (ids compared as sets, before timing)');
  lines.push('');
  lines.push(...checksTable(report));
  for (const c of report.concurrency) {
    const rows = report.results.filter((r) => r.concurrency === c);
    if (rows.length === 0) continue;
    lines.push('', `### ${c} client${c === 1 ? '' : 's'}`, '', ...levelTable(rows));
  }
  lines.push('', '### Overall (geometric means over the operations)', '');
  lines.push('| clients | API / peer | lowest API / peer | API / floor | lowest API / floor | largest API p99 |');
  lines.push('|---:|---:|---|---:|---|---|');
  for (const l of report.levels) {
    lines.push(
      `| ${l.concurrency} | ${times(l.geomeanPeerRatio)} | ${l.minPeerRatio ? `${l.minPeerRatio.operation} ${times(l.minPeerRatio.ratio)}` : '–'} | ` +
        `${pct(l.geomeanRatio)} | ${l.minRatio ? `${l.minRatio.operation} ${pct(l.minRatio.ratio)}` : '–'} | ${l.maxApiP99 ? `${l.maxApiP99.operation} ${fmt(l.maxApiP99.p99, 2)} ms` : '–'} |`,
    );
  }
  if (report.results.length > 0) {
    lines.push('', 'By the API\'s round trips (the floor always makes 1):', '');
    lines.push(`| API round trips | operations | ${report.concurrency.map((c) => `API / floor at ${c}`).join(' | ')} |`);
    lines.push(`|---:|---|${report.concurrency.map(() => '---:').join('|')}|`);
    for (const n of [...new Set(report.results.map((r) => r.roundTrips ?? -1))].sort((a, b) => a - b)) {
      const rows = report.results.filter((r) => (r.roundTrips ?? -1) === n);
      const cells = report.concurrency.map((c) => pct(rows.some((r) => r.concurrency === c) ? geomean(rows.filter((r) => r.concurrency === c).map((r) => r.ratio)) : undefined));
      lines.push(`| ${n < 0 ? '?' : n} | ${[...new Set(rows.map((r) => r.operation))].join(', ')} | ${cells.join(' | ')} |`);
    }
  }
  lines.push('', '### Targets', '');
  for (const t of report.targets) lines.push(...targetLines(t));
  const failed = report.checks.filter((c) => !c.ok);
  if (failed.length > 0) {
    lines.push('', `Not timed (the floor and the API disagree or failed, so numbers would be meaningless): ${failed.map((c) => c.operation).join(', ')}.`);
  }
  return `${lines.join('\n')}\n`;
}
