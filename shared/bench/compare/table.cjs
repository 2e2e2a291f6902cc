// The side-by-side table of compare.sh, in Markdown: reads RESULTS/SCENARIO.SERVER.jsonl (one
// JSON line per wscourse-loadgen run) and shows each figure's median over the runs.
//   node table.cjs RESULTS_DIR
'use strict';
const fs = require('fs');
const path = require('path');

const dir = process.argv[2];
const runs = {};  // runs[scenario][server] = [json, ...]
const failures = [];
for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.jsonl'))) {
  const [scenario, server] = path.basename(file, '.jsonl').split('.');
  const lines = fs.readFileSync(path.join(dir, file), 'utf8').split('\n').filter(Boolean);
  // A failed run is a line {"failed":true}: counted apart, never in a median.
  const all = lines.map((line) => JSON.parse(line));
  (runs[scenario] ??= {})[server] = all.filter((run) => !run.failed);
  const failed = all.length - runs[scenario][server].length;
  if (failed) failures.push(`${scenario}: ${failed} failed run(s) against ${server}`);
}

function median(server, scenario, key) {
  const values = (runs[scenario]?.[server] ?? [])
    .map((run) => run[key]).filter((v) => typeof v === 'number').sort((a, b) => a - b);
  if (values.length === 0) return undefined;
  const mid = Math.floor(values.length / 2);
  return values.length % 2 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
}

const show = (v, decimals) => v === undefined ? '—' :
  v.toLocaleString('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals })
   .replace(/,/g, ' ');

// [label, key, decimals, target]: target(ours, theirs) -> 'met' / 'missed' / undefined.
const scenarios = [
  ['echo', 'lesson02', 'ws-echo', 'echo: C=64, 32-byte messages', [
    ['messages/s', 'msgs_per_s', 0],
    ['latency p50 (µs)', 'latency_p50_us', 0],
    ['latency p99 (µs)', 'latency_p99_us', 0],
    ['server CPU per message (µs)', 'server_cpu_us_per_msg', 2, (a, b) => [a <= 0.8 * b, '≤ 0.8× ws']],
    ['server CPU load (% of a core)', 'server_cpu_percent', 0],
    ['load generator CPU (% of a core)', 'generator_cpu_percent', 0],
    ['server RSS after (KiB)', 'server_rss_after_kib', 0],
  ]],
  ['idle', 'lesson02', 'ws-echo', 'idle connections', [
    ['connections opened', 'opened', 0],
    ['server RSS per connection (KiB)', 'server_rss_per_conn_kib', 2, (a) => [a <= 4, '≤ 4 KiB']],
    ['server RSS with them (KiB)', 'server_rss_after_kib', 0],
    ['server CPU per connection (µs)', 'server_cpu_us_per_conn', 0],
  ]],
  ['broadcast', 'lesson03', 'ws-broadcast', 'broadcast: R=1000, 64-byte messages, W=16', [
    ['deliveries/s', 'deliveries_per_s', 0, (a, b) => [a >= 2 * b, '≥ 2× ws']],
    ['delivery latency p50 (µs)', 'latency_p50_us', 0],
    ['delivery latency p99 (µs)', 'latency_p99_us', 0, (a, b) => [a <= 0.5 * b, '≤ 0.5× ws']],
    ['server CPU per delivery (µs)', 'server_cpu_us_per_delivery', 3],
    ['lost deliveries', 'lost', 0],
    ['load generator CPU (% of a core)', 'generator_cpu_percent', 0],
  ]],
];

for (const [scenario, ours, theirs, title, rows] of scenarios) {
  if (!runs[scenario]) continue;
  const count = Math.max(...Object.values(runs[scenario]).map((r) => r.length));
  console.log(`### ${title} (median of ${count} run${count > 1 ? 's' : ''})\n`);
  console.log(`| | ${ours} | ${theirs} | ${ours} / ${theirs} | target |`);
  console.log('|---|---:|---:|---:|---|');
  for (const [label, key, decimals, target] of rows) {
    const a = median(ours, scenario, key);
    const b = median(theirs, scenario, key);
    const ratio = a !== undefined && b ? show(a / b, 2) + '×' : '—';
    let verdict = '';
    if (target && a !== undefined && (b !== undefined || target.length === 1)) {
      const [met, text] = target(a, b);
      verdict = `${text}: **${met ? 'met' : 'missed'}**`;
    } else if (target) {
      verdict = target(0, 0)[1];
    }
    console.log(`| ${label} | ${show(a, decimals)} | ${show(b, decimals)} | ${ratio} | ${verdict} |`);
  }
  console.log('');
}
for (const failure of failures) console.log(`(${failure}: see the server logs beside the results)`);
