/**
 * Bulk-load errors say what is wrong (issue 27): a data folder in use by a running Neo4j is named as such
 * (it was reported as "port already in use"), a port taken by another program as that, both before any
 * work; and an input the importer refuses is named by file, line and record, with the importer's reason
 * (it was "Error importing csv file. Run with '--verbose'"). Starts a stand-in process and the importer.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { appendFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDataset } from '../../src/seed/format.js';
import { bulkLoad } from '../../src/seed/bulk/bulk-load.js';
import { writeImportFiles } from '../../src/seed/bulk/csv-files.js';
import { BulkImportError, runImportTool } from '../../src/seed/bulk/import-tool.js';
import { nodeRow, relationshipRow } from '../../src/seed/rows.js';
import { MAIN_DATASET_DIR } from './helpers.js';
import { freePort } from '../../bench/support/free-port.js';

let root: string;
beforeAll(() => {
  root = mkdtempSync(path.join(tmpdir(), 'bulk-errors-'));
});
afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

describe('before any work', () => {
  it('a data folder in use by a running local Neo4j is named as the conflict, not its port', async () => {
    const dataDir = path.join(root, 'in-use');
    const port = await freePort();
    // A stand-in with the local Neo4j's command line (its launcher class, data folder and port).
    const standIn: ChildProcess = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)', 'local.neo4j.Launcher', dataDir, String(port)], { stdio: 'ignore' });
    try {
      await new Promise((r) => setTimeout(r, 300));
      const error = await bulkLoad(MAIN_DATASET_DIR, { local: { dataDir, port, startTimeoutMs: 60_000 } }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(BulkImportError);
      expect((error as Error).message).toMatch(new RegExp(`data folder .*in-use is in use by a running Neo4j \\(pid ${standIn.pid}, Bolt port ${port}\\)`));
      expect((error as Error).message).not.toMatch(/port .* is already in use/);
      expect(existsSync(`${dataDir}.bulk`)).toBe(false);
    } finally {
      standIn.kill();
    }
  });

  it('a port taken by another program is named as that', async () => {
    const server = net.createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as net.AddressInfo;
    try {
      const error = await bulkLoad(MAIN_DATASET_DIR, { local: { dataDir: path.join(root, 'free'), port, startTimeoutMs: 60_000 } }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(BulkImportError);
      expect((error as Error).message).toMatch(new RegExp(`port ${port} \\(LOCAL_NEO4J_PORT\\) is in use by another program, not by a Neo4j on`));
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

describe('an input the importer refuses', () => {
  it('is named by file, line and record, with the importer’s reason', async () => {
    const dataset = await readDataset(MAIN_DATASET_DIR);
    const files = await writeImportFiles(
      path.join(root, 'csv'),
      dataset.nodes.map((n) => nodeRow(dataset.id, n, dataset.source.asOf ?? null)),
      dataset.relationships.map((r) => relationshipRow(dataset.id, r, dataset.source.asOf ?? null)),
    );
    appendFileSync(files.relationships[0]!, '"no:such-node","no:other-node",PART_OF\n');
    const error = await runImportTool({ home: path.join(root, 'home'), files, heapMb: 512, offHeap: '256M' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BulkImportError);
    const message = (error as Error).message;
    expect(message).toMatch(new RegExp(`refused ${path.basename(files.relationships[0]!)} line \\d+ \\(record no:such-node → no:other-node\\): .*missing node no:such-node; nothing was changed`));
    expect(message).not.toMatch(/Run with '--verbose'|\n\s+at /);
  }, 180_000);
});
