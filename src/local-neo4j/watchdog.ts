/**
 * The analyst Neo4j's watchdog. Neo4j marks a transaction that outlives its timeout as terminated, but an
 * expression that never reads the graph again (a `reduce` over a collected list) does not look at that mark:
 * it runs on, one core at 100%, for minutes. So every `everyMs` the watchdog asks the engine how long each
 * analyst transaction has been running (SHOW TRANSACTIONS, from another thread of the same engine), and
 * when one has run `limitMs` (the analyst timeout plus a grace of a couple of seconds) or the engine, having
 * answered since it came up, then leaves `misses` questions in a row unanswered (a heap so full that the JVM
 * does nothing but collect garbage), it has the engine killed and started again (src/local-neo4j/supervisor.ts).
 * A process that exits on its own (a heap exhaustion, `-XX:+ExitOnOutOfMemoryError`) is the supervisor's to
 * notice. A freshly started JVM on a busy machine may take many seconds to answer its first question: that is
 * not counted as a miss.
 */

export interface RunningTransaction {
  elapsedMs: number;
  operation: string | null;
}

export interface WatchdogOptions {
  /** The analyst transactions running now; rejects or does not settle when the engine does not answer. */
  transactions: (signal: AbortSignal) => Promise<RunningTransaction[]>;
  /** Whether the engine is up (nothing is watched while it starts). */
  isUp: () => boolean;
  restart: (reason: string) => void;
  /** A transaction running this long is a runaway. */
  limitMs: number;
  everyMs?: number;
  /** How long one question may go unanswered, and how many such misses in a row mean "not answering". */
  answerWithinMs?: number;
  misses?: number;
}

export interface Watchdog {
  stop(): void;
}

export function startWatchdog(options: WatchdogOptions): Watchdog {
  const everyMs = options.everyMs ?? 1_000;
  const answerWithinMs = options.answerWithinMs ?? 10_000;
  const maxMisses = options.misses ?? 3;
  let missed = 0;
  /** The engine answered since it last came up (misses count only then). */
  let answered = false;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;

  const look = async (): Promise<void> => {
    if (!options.isUp()) {
      missed = 0;
      answered = false;
      return;
    }
    const signal = AbortSignal.timeout(answerWithinMs);
    let running: RunningTransaction[];
    try {
      running = await Promise.race([
        options.transactions(signal),
        new Promise<never>((_, reject) => signal.addEventListener('abort', () => reject(new Error('no answer')), { once: true })),
      ]);
    } catch {
      if (!answered) return;
      missed += 1;
      if (missed >= maxMisses && options.isUp()) {
        missed = 0;
        options.restart(`the engine did not answer the watchdog ${maxMisses} times in a row (${answerWithinMs} ms each)`);
      }
      return;
    }
    missed = 0;
    answered = true;
    const runaway = running.reduce<RunningTransaction | undefined>((worst, t) => (t.elapsedMs > (worst?.elapsedMs ?? options.limitMs) ? t : worst), undefined);
    if (runaway && options.isUp()) {
      options.restart(`an analyst transaction (${runaway.operation ?? 'unnamed'}) ran ${runaway.elapsedMs} ms, past the ${options.limitMs} ms allowed`);
    }
  };

  const loop = (): void => {
    if (stopped) return;
    timer = setTimeout(() => void look().finally(loop), everyMs);
    timer.unref();
  };
  loop();
  return {
    stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
    },
  };
}
