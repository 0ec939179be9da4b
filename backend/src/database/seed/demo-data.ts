import { DataSource } from 'typeorm';

export const DEMO_PASSWORD = 'demo1234';

/** Placeholder until the demo seed lands. */
export async function seedDemoData(_dataSource: DataSource, _log: (line: string) => void = () => undefined): Promise<void> {
  return;
}
