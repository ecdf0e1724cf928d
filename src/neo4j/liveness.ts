/**
 * Is the database answering at all? A Neo4j that is frozen (a stopped JVM, a long GC pause, a network
 * that drops packets) keeps its TCP connections open and never replies, so neither a refused
 * connection nor the server-side transaction timeout ever fires. A trivial probe (`RETURN 1`) that
 * has not answered within PROBE_TIMEOUT_MS says so: transactions in flight fail with
 * DATABASE_UNAVAILABLE, new ones fail at once, /ready says 503 — and the first probe that answers
 * again ends it. At most one probe is outstanding, so a frozen database is not sent a pile of them.
 * Its timeout counts time the event loop was free (`patientTimer`): a reply held up by a busy loop (one
 * request serialising a large answer) is read before the verdict, so a busy API never reports its
 * database as down.
 */

/** How long a trivial query may take before the database counts as not answering (a busy one answers in ms). */
export const PROBE_TIMEOUT_MS = 3_000;
/** /ready's own bound: it answers within this, 503 when the probe has not answered by then. */
export const READY_TIMEOUT_MS = 1_800;
/** How often a running transaction checks that the database still answers. */
export const WATCH_EVERY_MS = 1_500;
/** A probe outstanding this long is given up (its connection may be dead) and a new one sent. */
const ABANDON_AFTER_MS = 30_000;
/** A timer that fires later than this was held up by a busy event loop (normal jitter is well below). */
const LAG_TOLERANCE_MS = 50;
/** The most time given back for a busy event loop, in all, before a missing answer counts anyway. */
const MAX_GIVEN_BACK_MS = 30_000;

/**
 * Calls `expire` once `ms` of time the event loop was free has passed. A timer that fires late was held
 * up by a busy loop, and so may be a reply that arrived meanwhile and waits in a socket: the verdict
 * waits for the loop's next poll (a `setImmediate`), and the time the loop was busy is given back before
 * judging again. A frozen database is therefore found out at the timeout on an idle loop, and a busy
 * loop (one request serialising a large answer) never passes for a database that does not answer.
 * Returns a cancel function.
 */
export function patientTimer(ms: number, expire: () => void): () => void {
  let timer: NodeJS.Timeout | undefined;
  let immediate: NodeJS.Immediate | undefined;
  const arm = (wait: number, givenBack: number): void => {
    const due = performance.now() + wait;
    timer = setTimeout(() => {
      const late = performance.now() - due;
      immediate = setImmediate(() => {
        if (late > LAG_TOLERANCE_MS && givenBack < MAX_GIVEN_BACK_MS) arm(late, givenBack + late);
        else expire();
      });
    }, wait);
  };
  arm(Math.max(0, ms), 0);
  return () => {
    clearTimeout(timer);
    clearImmediate(immediate);
  };
}

export interface LivenessOptions {
  /** PROBE_TIMEOUT_MS unless given (tests). */
  probeTimeoutMs?: number;
  /** WATCH_EVERY_MS unless given (tests). */
  watchEveryMs?: number;
}

interface Probe {
  started: number;
  done: Promise<boolean>;
  /** Resolves false when the probe has not answered within the probe timeout of free event-loop time. */
  missed: Promise<false>;
  late: boolean;
}

export class Liveness {
  private probe: Probe | undefined;
  private failing = false;
  private readonly probeTimeoutMs: number;
  private readonly watchEveryMs: number;

  constructor(
    private readonly ping: () => Promise<unknown>,
    options: LivenessOptions = {},
  ) {
    this.probeTimeoutMs = options.probeTimeoutMs ?? PROBE_TIMEOUT_MS;
    this.watchEveryMs = options.watchEveryMs ?? WATCH_EVERY_MS;
  }

  /** True while the last probe failed or has not answered in time (judged by `patientTimer`). */
  get down(): boolean {
    return this.failing || this.probe?.late === true;
  }

  private start(): Probe {
    let cancel = (): void => undefined;
    const probe: Probe = {
      started: Date.now(),
      late: false,
      done: this.ping().then(
        () => true,
        () => false,
      ),
      missed: new Promise<false>((resolve) => {
        cancel = patientTimer(this.probeTimeoutMs, () => {
          probe.late = true;
          resolve(false);
        });
      }),
    };
    void probe.done.then((ok) => {
      cancel();
      if (this.probe === probe) this.probe = undefined;
      this.failing = !ok;
    });
    return probe;
  }

  /** Probes (or joins the outstanding probe): true when the database answered within `timeoutMs` of free event-loop time. */
  async alive(timeoutMs = this.probeTimeoutMs): Promise<boolean> {
    if (this.probe && Date.now() - this.probe.started > ABANDON_AFTER_MS) this.probe = undefined;
    const probe = (this.probe ??= this.start());
    if (timeoutMs >= this.probeTimeoutMs) return Promise.race([probe.done, probe.missed]);
    let cancel = (): void => undefined;
    const late = new Promise<false>((resolve) => {
      cancel = patientTimer(timeoutMs - (Date.now() - probe.started), () => resolve(false));
    });
    try {
      return await Promise.race([probe.done, probe.missed, late]);
    } finally {
      cancel();
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
      }, this.watchEveryMs);
    });
    frozen.catch(() => undefined);
    try {
      return await Promise.race([work, frozen]);
    } finally {
      clearInterval(interval);
    }
  }
}
