/**
 * A real Prometheus server (Debian's `prometheus` package) for a test: on a free loopback port,
 * with its own configuration and storage in a temporary folder, scraping one target every
 * second with a bearer token; removed again by `stop`.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { closedPort } from './fake-identify-server';

export interface PrometheusServer {
  url: string;
  /** An instant query through the HTTP API: each series' labels and value. */
  query(promql: string): Promise<Array<{ metric: Record<string, string>; value: number }>>;
  output(): string;
  stop(): Promise<void>;
}

/** `caFile`: scrape over TLS (scheme https), trusting that certificate authority, as a kiosk serving /metrics beyond loopback needs. */
export async function startPrometheus(options: { target: string; token: string; job?: string; instance?: string; caFile?: string }): Promise<PrometheusServer> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'kiosk-prometheus-'));
  const port = await closedPort();
  writeFileSync(
    path.join(dir, 'prometheus.yml'),
    [
      'global: { scrape_interval: 1s, evaluation_interval: 1s }',
      'scrape_configs:',
      `  - job_name: ${options.job ?? 'kiosk'}`,
      '    scrape_interval: 1s',
      `    authorization: { type: Bearer, credentials: "${options.token}" }`,
      ...(options.caFile ? ['    scheme: https', `    tls_config: { ca_file: "${options.caFile}" }`] : []),
      // As the README's agent set-up: the kiosk PC's name as `instance`, not 127.0.0.1:9464,
      // which every kiosk PC would share.
      `    static_configs: [{ targets: ["${options.target}"], labels: { instance: "${options.instance ?? 'kiosk-pc-1'}" } }]`,
      '',
    ].join('\n'),
  );
  const child = spawn(
    process.env.PROMETHEUS ?? 'prometheus',
    [`--config.file=${path.join(dir, 'prometheus.yml')}`, `--storage.tsdb.path=${path.join(dir, 'data')}`, `--web.listen-address=127.0.0.1:${port}`, '--log.level=warn'],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null) child.kill('SIGTERM');
    await exited;
    rmSync(dir, { recursive: true, force: true });
  };
  const deadline = Date.now() + 20_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`prometheus exited:\n${output}`);
    const ready = await fetch(`${url}/-/ready`).then((response) => response.ok, () => false);
    if (ready) break;
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`prometheus did not become ready:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return {
    url,
    async query(promql) {
      const response = await fetch(`${url}/api/v1/query?query=${encodeURIComponent(promql)}`);
      const body = (await response.json()) as { status: string; data: { result: Array<{ metric: Record<string, string>; value: [number, string] }> } };
      if (body.status !== 'success') throw new Error(`query failed: ${JSON.stringify(body)}`);
      return body.data.result.map((series) => ({ metric: series.metric, value: Number(series.value[1]) }));
    },
    output: () => output,
    stop,
  };
}
