/** The HTTP port is taken: one line that names the port and how to choose another. */
export class PortInUseError extends Error {
  constructor(readonly port: number) {
    super(`Port ${port} is already in use (another ResolutionFlow, or another program). Stop it, or start on another port: PORT=${port + 1} npm start`);
  }
}
