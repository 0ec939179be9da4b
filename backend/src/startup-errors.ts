import { createServer } from 'node:net';

/** A reason the server cannot start that its message says in full: printed as one line, no stack. */
export class StartupError extends Error {}

/** The HTTP port is taken: one line that names the port and how to choose another. */
export class PortInUseError extends StartupError {
  constructor(readonly port: number) {
    super(
      `Port ${port} is already in use (another ResolutionFlow, or another program). Stop it, or start on another port: PORT=${port + 1} npm start`,
    );
  }
}

/**
 * Fails fast, before the database is started and migrated, when the app could not listen on `port`
 * (on every interface, as it will). The listen itself still reports a port taken in the meantime.
 */
export async function assertPortFree(port: number): Promise<void> {
  const free = await new Promise<boolean>((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, '0.0.0.0', () => probe.close(() => resolve(true)));
  });
  if (!free) throw new PortInUseError(port);
}
