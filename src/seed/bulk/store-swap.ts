/**
 * Putting an imported store in place of the local Neo4j's own, with the engine stopped: the database's store
 * and transaction-log folders are moved aside (not deleted) and the imported ones moved in; `restore` puts the
 * old ones back, `discard` deletes them once the new store has proved itself. Renames on one file system.
 */
import { existsSync } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { IMPORT_DATABASE } from './import-tool.js';

/** The folders of one database below a Neo4j home (the embedded launcher's data folder is such a home). */
export const STORE_PARTS = [path.join('data', 'databases', IMPORT_DATABASE), path.join('data', 'transactions', IMPORT_DATABASE)];

export function hasStore(home: string): boolean {
  return existsSync(path.join(home, STORE_PARTS[0]!));
}

export interface Swapped {
  restore(): Promise<void>;
  discard(): Promise<void>;
}

/** Moves `live`'s store into `backup` and `staged`'s store into `live`. */
export async function swapStore(live: string, staged: string, backup: string): Promise<Swapped> {
  const moved: { part: string; hadOld: boolean }[] = [];
  const restore = async () => {
    for (const { part, hadOld } of moved.reverse()) {
      await rm(path.join(live, part), { recursive: true, force: true });
      if (hadOld) await rename(path.join(backup, part), path.join(live, part));
    }
    moved.length = 0;
  };
  try {
    for (const part of STORE_PARTS) {
      if (!existsSync(path.join(staged, part))) throw new Error(`the import wrote no ${part}`);
      const hadOld = existsSync(path.join(live, part));
      await mkdir(path.dirname(path.join(backup, part)), { recursive: true });
      await mkdir(path.dirname(path.join(live, part)), { recursive: true });
      if (hadOld) await rename(path.join(live, part), path.join(backup, part));
      moved.push({ part, hadOld });
      await rename(path.join(staged, part), path.join(live, part));
    }
  } catch (error) {
    await restore();
    throw error;
  }
  return { restore, discard: () => rm(backup, { recursive: true, force: true }) };
}
