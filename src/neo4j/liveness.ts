/**
 * Is the database answering at all? A Neo4j that is frozen (a stopped JVM, a long GC pause, a network
 * that drops packets) keeps its TCP connections open and never replies, so neither a refused
 * connection nor the server-side transaction timeout ever fires. A trivial probe (`RETURN 1`) that
 * has not answered within PROBE_TIMEOUT_MS says so: transactions in flight fail with
 * DATABASE_UNAVAILABLE, new ones fail at once, /ready says 503 — and the first probe that answers
 * again ends it. At most one probe is outstanding, so a frozen database is not sent a pile of them.
 */

/** How long a trivial query may take before the database counts as not answering (a busy one answers in ms). */
export const PROBE_TIMEOUT_MS = 3_000;
/** /ready's own bound: it answers within this, 503 when the probe has not answered by then. */
export const READY_TIMEOUT_MS = 1_800;
/** How often a running transaction checks that the database still answers. */
export const WATCH_EVERY_MS = 1_500;
/** A probe outstanding this long is given up (its connection may be dead) and a new one sent. */
const ABANDON_AFTER_MS = 30_000;

export class Liveness {
  private probe: { started: number; done: Promise<boolean> } | undefined;
  private failing = false;

  constructor(private readonly ping: () => Promise<unknown>) {}

  /** True while the last probe failed or has not answered in time. */
  get down(): boolean {
    return this.failing || (this.probe !== undefined && Date.now() - this.probe.started > PROBE_TIMEOUT_MS);
  }

  /** Probes (or joins the outstanding probe): true when the database answered within `timeoutMs` of the probe's start. */
  async alive(timeoutMs = PROBE_TIMEOUT_MS): Promise<boolean> {
    if (this.probe && Date.now() - this.probe.started > ABANDON_AFTER_MS) this.probe = undefined;
    if (!this.probe) {
      const probe = {
        started: Date.now(),
        done: this.ping().then(
          () => true,
          () => false,
        ),
      };
      this.probe = probe;
      void probe.done.then((ok) => {
        if (this.probe === probe) this.probe = undefined;
        this.failing = !ok;
      });
    }
    const left = Math.max(0, timeoutMs - (Date.now() - this.probe.started));
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<false>((resolve) => {
      timer = setTimeout(() => resolve(false), left);
    });
    try {
      return await Promise.race([this.probe.done, late]);
    } finally {
      clearTimeout(timer);
    }
  }

  /**
   * Runs `work`, failing it with `unavailable()` if the database stops answering meanwhile. `abandoned` is
   * called when that happens (the work is left to settle in the background).
   */
  async watch<T>(work: Promise<T>, unavailable: () => Error, abandoned: () => void): Promise<T> {
    let interval: NodeJS.Timeout | undefined;
    const frozen = new Promise<never>((_, reject) => {
      interval = setInterval(() => {
        void this.alive().then((ok) => {
          if (!ok) {
            abandoned();
            reject(unavailable());
          }
        });
      }, WATCH_EVERY_MS);
    });
    frozen.catch(() => undefined);
    try {
      return await Promise.race([work, frozen]);
    } finally {
      clearInterval(interval);
    }
  }
}
