// `npm start`'s children, each restarted with back-off when it dies on its own; the rest of the hub keeps running.
import { spawn, type ChildProcess } from 'node:child_process';
import { backoff } from '../shared/pure/backoff';

export interface RestartPolicy {
  /** Give up after this many crashes within `windowMs` (each crash soon after the last start). */
  maxCrashes: number;
  windowMs: number;
  firstDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_POLICY: RestartPolicy = { maxCrashes: 5, windowMs: 60_000, firstDelayMs: 250, maxDelayMs: 8_000 };

export type RestartDecision = { giveUp: true } | { giveUp: false; delayMs: number; attempt: number };

/**
 * What to do after a crash at `now`, given the earlier crash times: wait twice as long for each crash in the
 * window (a flapping child does not spin), and give up when there were too many.
 */
export function restartDecision(crashes: readonly number[], now: number, policy = DEFAULT_POLICY): RestartDecision {
  const recent = crashes.filter((t) => now - t < policy.windowMs).length + 1;
  if (recent >= policy.maxCrashes) return { giveUp: true };
  return {
    giveUp: false,
    attempt: recent,
    delayMs: backoff(recent, { firstMs: policy.firstDelayMs, maxMs: policy.maxDelayMs }),
  };
}

export interface SupervisedOptions {
  name: string;
  command: string;
  args: string[];
  env: NodeJS.ProcessEnv;
  say(line: string): void;
  /** Resolves when the child answers (its health URL); used to log how long a restart took. */
  waitReady(): Promise<void>;
  /** Called once when the child crashed too often: the launcher stops everything. */
  onGiveUp(message: string): void;
  policy?: RestartPolicy;
}

export class Supervised {
  private proc: ChildProcess | null = null;
  private readonly crashes: number[] = [];
  private stopping = false;
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly options: SupervisedOptions) {}

  get name(): string {
    return this.options.name;
  }

  get pid(): number | undefined {
    return this.proc?.pid;
  }

  start(): void {
    const { options } = this;
    // Its own process group: a Ctrl-C in the terminal reaches the launcher only, which stops children in order.
    const proc = spawn(options.command, options.args, {
      env: options.env,
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      detached: true,
    });
    this.proc = proc;
    options.say(`${options.name} started (pid ${proc.pid})`);
    proc.on('exit', (code, signal) => {
      if (this.proc === proc) this.proc = null;
      if (!this.stopping) this.crashed(signal ?? `exit ${code}`);
    });
  }

  private crashed(how: string): void {
    const { options } = this;
    const now = Date.now();
    const decision = restartDecision(this.crashes, now, options.policy);
    this.crashes.push(now);
    if (decision.giveUp) {
      const policy = options.policy ?? DEFAULT_POLICY;
      options.onGiveUp(
        `${options.name} stopped unexpectedly (${how}) ${policy.maxCrashes} times within ${policy.windowMs / 1000} s; giving up — see its errors above`,
      );
      return;
    }
    options.say(
      `${options.name} stopped unexpectedly (${how}); restarting in ${decision.delayMs} ms (attempt ${decision.attempt}, back-off doubles each time)`,
    );
    this.timer = setTimeout(() => {
      this.timer = null;
      if (this.stopping) return;
      this.start();
      options.waitReady().then(
        () => {
          if (!this.stopping) options.say(`${options.name} restarted: answering again after ${Date.now() - now} ms`);
        },
        () => undefined,
      );
    }, decision.delayMs);
  }

  /** SIGTERM, then SIGKILL after `graceMs`; resolves when the child is gone. */
  stop(graceMs = 10_000): Promise<void> {
    this.stopping = true;
    if (this.timer) clearTimeout(this.timer);
    const proc = this.proc;
    if (!proc || proc.exitCode !== null || proc.signalCode !== null) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(() => proc.kill('SIGKILL'), graceMs);
      proc.once('exit', () => {
        clearTimeout(timer);
        resolve();
      });
      proc.kill('SIGTERM');
    });
  }
}
