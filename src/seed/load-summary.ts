/** What a load reports, and the error it raises when the database state forbids it (src/seed/loader.ts). */
export interface ChangeCounts {
  created: number;
  updated: number;
  unchanged: number;
  removed: number;
}

export interface LoadSummary {
  dataset: string;
  nodes: ChangeCounts;
  relationships: ChangeCounts;
}

/** Raised when the database state forbids the load (a key owned by another dataset, a write that went missing). */
export class SeedLoadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SeedLoadError';
  }
}
