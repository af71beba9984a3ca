// Ports `npm start` needs, checked before any set-up so that a busy one is named at once with the variable to change.
import net from 'node:net';

export interface PortNeed {
  /** The environment variable that sets it (PORT, REGISTRY_PORT, …, PG_PORT). */
  variable: string;
  port: number;
  host: string;
}

/** Resolves to the error code when `port` cannot be bound on `host` now (EADDRINUSE, EACCES), else null. */
export function portProblem(port: number, host: string): Promise<string | null> {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.unref();
    probe.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? 'error'));
    probe.listen({ port, host, exclusive: true }, () => probe.close(() => resolve(null)));
  });
}

/** Every problem as one line a person can act on (empty when all ports are free and distinct). */
export async function checkPorts(needs: PortNeed[]): Promise<string[]> {
  const problems: string[] = [];
  const seen = new Map<number, string>();
  for (const need of needs) {
    if (need.port === 0) continue; // any free port
    const other = seen.get(need.port);
    if (other) {
      problems.push(
        `${need.variable} and ${other} are both ${need.port}: give ${need.variable} another port (e.g. ${need.variable}=${need.port + 10})`,
      );
      continue;
    }
    seen.set(need.port, need.variable);
    const code = await portProblem(need.port, need.host);
    if (code === 'EADDRINUSE') {
      problems.push(
        `port ${need.port} (${need.variable}) is already in use by another program: stop it or set ${need.variable} to a free port, e.g. ${need.variable}=${need.port + 10} npm start`,
      );
    } else if (code) {
      problems.push(
        `port ${need.port} (${need.variable}) cannot be used (${code}): set ${need.variable} to another port`,
      );
    }
  }
  return problems;
}
