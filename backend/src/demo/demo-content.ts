import { Outcome } from '../sessions/session.entity';
import { NodeType } from '../trees/tree-node.entity';
import { TreeKind } from '../trees/tree.entity';
import { OUTLOOK_FLOW } from './flows/outlook.flow';
import { PASSWORD_RESET_FLOW } from './flows/password-reset.flow';
import { PRINTER_FLOW } from './flows/printer.flow';
import { SLOW_PC_FLOW } from './flows/slow-pc.flow';
import { VPN_FLOW } from './flows/vpn.flow';
import { WIFI_FLOW } from './flows/wifi.flow';

/**
 * What the demo account contains, written with symbolic keys; each flow has its own file in
 * flows/. demo-dataset.ts turns the keys into UUIDs and generates the session history from the
 * hints below (weights, outcomes, drop-off, effort), which are seed-only and never stored.
 */

export interface DemoStepDef {
  key: string;
  title: string;
  instructions: string;
}

export interface DemoOptionDef {
  label: string;
  /** Key of the next node. */
  to: string;
  /** Relative chance an engineer picks this option (default 1). */
  weight?: number;
}

export interface DemoNodeDef {
  key: string;
  type: NodeType;
  /** Defaults to the library step's title for step nodes with `step`. */
  title?: string;
  /** Defaults to the library step's instructions for step nodes with `step`. */
  body?: string;
  help?: string;
  /** Key of a library step. */
  step?: string;
  options?: DemoOptionDef[];
  /** Solution nodes: which outcomes engineers record when they finish here, with relative weights. */
  outcomes?: Partial<Record<Outcome, number>>;
  /** Relative chance an unfinished session stops here (hard or slow steps get a high value). */
  dropOff?: number;
  /** Relative time spent on this node (default: question 1, step 3, solution 1.5). */
  effort?: number;
}

export type DemoMixKey = Outcome | 'unfinished';

export interface DemoFlowDef {
  key: string;
  name: string;
  description: string;
  kind: TreeKind;
  /** Share of all sessions run on this flow. */
  share: number;
  /** Typical duration of a session on this flow, in minutes. */
  medianMinutes: number;
  /** Multipliers on the base outcome mix for this flow. */
  mix?: Partial<Record<DemoMixKey, number>>;
  /** The first node is the start node. */
  nodes: DemoNodeDef[];
}

export interface DemoEngineerDef {
  email: string;
  name: string;
  /** Share of weekday sessions on the days this engineer works. */
  share: number;
  /** ISO weekdays worked (1 = Monday). */
  weekdays: number[];
  /** Takes part in the weekend on-call rota. */
  onCall: boolean;
  /** Multiplier on session durations (below 1 is faster). */
  speed: number;
  /** Multipliers on the base outcome mix. */
  mix: Partial<Record<DemoMixKey, number>>;
}

export const DEMO_ACCOUNT = { name: 'Northwind IT', timezone: 'Europe/London' } as const;

export const DEMO_ADMIN = { email: 'admin@northwind.example', name: 'Morgan Admin' } as const;

export const DEMO_ENGINEERS: DemoEngineerDef[] = [
  {
    email: 'engineer1@northwind.example',
    name: 'Priya Shah',
    share: 0.25,
    weekdays: [1, 2, 3, 4, 5],
    onCall: true,
    speed: 0.8,
    mix: { resolved: 1.2, workaround: 0.95, escalated: 0.65, unresolved: 0.55, unfinished: 0.6 },
  },
  {
    email: 'engineer2@northwind.example',
    name: 'Tom Becker',
    share: 0.22,
    weekdays: [1, 2, 3, 4, 5],
    onCall: true,
    speed: 1,
    mix: {},
  },
  {
    email: 'engineer3@northwind.example',
    name: 'Lena Novak',
    share: 0.21,
    weekdays: [1, 2, 3, 4, 5],
    onCall: true,
    speed: 0.95,
    mix: { resolved: 1.05, workaround: 1.15, escalated: 0.85, unresolved: 0.9, unfinished: 0.9 },
  },
  {
    email: 'engineer4@northwind.example',
    name: 'Sam Okafor',
    share: 0.2,
    weekdays: [1, 2, 3, 4, 5],
    onCall: true,
    speed: 1.3,
    mix: { resolved: 0.78, workaround: 0.9, escalated: 1.55, unresolved: 1.7, unfinished: 1.6 },
  },
  {
    // Part-time: Monday to Wednesday.
    email: 'engineer5@northwind.example',
    name: 'Jonas Berg',
    share: 0.2,
    weekdays: [1, 2, 3],
    onCall: false,
    speed: 1.05,
    mix: { resolved: 0.95, workaround: 1.3, escalated: 1, unresolved: 1, unfinished: 1.1 },
  },
];

/** Base outcome mix before engineer and flow multipliers. */
export const DEMO_BASE_MIX: Record<DemoMixKey, number> = {
  resolved: 0.51,
  workaround: 0.145,
  escalated: 0.185,
  unresolved: 0.078,
  unfinished: 0.082,
};

export const DEMO_STEPS: DemoStepDef[] = [
  {
    key: 'restart',
    title: 'Restart the device',
    instructions:
      'Ask the user to save their work, then Start > Power > Restart. Use Restart, not Shut down: with Fast Startup on, Shut down keeps the old kernel session.\n' +
      'If they say they already restarted, check Task Manager > Performance > CPU > Up time. Anything over a day means they did not.',
  },
  {
    key: 'network',
    title: 'Check network cable / Wi-Fi',
    instructions:
      'Wired: check the link light on the dock or network port, reseat the cable, try another wall port.\n' +
      'Wi-Fi: confirm the user is on Northwind-Corp (not Northwind-Guest), toggle Wi-Fi off and on, and check the signal is at least 3 bars.\n' +
      'Run `ipconfig`: a 169.254.x.x address means no DHCP lease, which is a network problem, not the laptop.',
  },
  {
    key: 'credman',
    title: 'Clear cached credentials in Credential Manager',
    instructions:
      'Control Panel > Credential Manager > Windows Credentials. Remove every entry starting with MicrosoftOffice16, any entry for vpn.northwind.example, and anything holding an old password.\n' +
      'Have the user sign out of Windows and back in. Expect one password prompt per app afterwards; that is normal.',
  },
  {
    key: 'spooler',
    title: 'Restart the print spooler',
    instructions:
      'Open services.msc as admin (LAPS password or a remote session), find Print Spooler and click Restart.\n' +
      'If jobs are still stuck: stop the service, delete everything in C:\\Windows\\System32\\spool\\PRINTERS, then start it again. Ask the user to resend the job.',
  },
  {
    key: 'winupdate',
    title: 'Run Windows Update',
    instructions:
      'Settings > Windows Update > Check for updates. Install everything, including optional driver updates under Advanced options > Optional updates.\n' +
      'Restart and check again until nothing is pending. If an update fails with 0x800f0922, disconnect the VPN and make sure C: has more than 10 GB free.',
  },
  {
    key: 'safemode',
    title: 'Reboot into safe mode',
    instructions:
      'Hold Shift and click Restart > Troubleshoot > Advanced options > Startup Settings > Restart, then press 5 for Safe Mode with Networking.\n' +
      'Have the BitLocker recovery key ready: Entra admin center > Devices > the laptop > BitLocker keys.\n' +
      'Reproduce the problem. If it is gone in safe mode, a third-party driver or startup app is the cause.',
  },
  {
    key: 'outlookprofile',
    title: 'Re-create the Outlook profile',
    instructions:
      'Close Outlook. Control Panel > Mail (Microsoft Outlook) > Show Profiles > Add. Name it with today’s date and sign in with the user’s address.\n' +
      'Select "Always use this profile" and choose the new one. Keep the old profile for a week before deleting it.\n' +
      'A large mailbox can take 30+ minutes to download on Wi-Fi; the user can carry on in Outlook on the web meanwhile.',
  },
  {
    key: 'flushdns',
    title: 'Flush DNS and renew the IP lease',
    instructions:
      'In an elevated Command Prompt run `ipconfig /release`, `ipconfig /renew`, then `ipconfig /flushdns`.\n' +
      'Check with `nslookup intranet.northwind.example`: it should return a 10.x address. A public address means the user is on a captive portal or a hotel DNS.',
  },
  {
    key: 'unlock',
    title: 'Unlock the account in Active Directory',
    instructions:
      'Active Directory Users and Computers > find the user > Account tab > tick "Unlock account" > Apply.\n' +
      'Sync to Entra ID takes up to 2 minutes. If it locks again straight away, look up event 4740 on the PDC to find the caller computer.',
  },
  {
    key: 'reinstallvpn',
    title: 'Reinstall the VPN client',
    instructions:
      'Settings > Apps > GlobalProtect > Uninstall. Restart the laptop.\n' +
      'Install the current version from Company Portal and enter the portal address vpn.northwind.example. Allow about 15 minutes including the restart.',
  },
  {
    key: 'taskmgr',
    title: 'Check Task Manager for resource hogs',
    instructions:
      'Ctrl+Shift+Esc > Processes. Sort by CPU, then Memory, then Disk, and note anything sustained above 30%.\n' +
      'Usual suspects: OneDrive re-syncing, a Defender full scan, Teams with many chats open, a browser with dozens of tabs.',
  },
];

export const DEMO_FLOWS: DemoFlowDef[] = [
  VPN_FLOW,
  PRINTER_FLOW,
  OUTLOOK_FLOW,
  PASSWORD_RESET_FLOW,
  WIFI_FLOW,
  SLOW_PC_FLOW,
];

/** Notes engineers leave when they close a session, by outcome. `{ticket}` becomes a ticket number. */
export const DEMO_NOTES: Record<Outcome, { chance: number; lines: string[] }> = {
  resolved: {
    chance: 0.15,
    lines: [
      'User confirmed it is working.',
      'Quick one, fixed on the call.',
      'Second time this month for this user: keep an eye on it.',
      'Fixed. Showed the user how to do it themselves next time.',
    ],
  },
  workaround: {
    chance: 0.5,
    lines: [
      'User can work for now; follow-up booked for tomorrow morning.',
      'Workaround in place, root cause still open in {ticket}.',
      'Good enough for today, user has a deadline. Will revisit.',
    ],
  },
  escalated: {
    chance: 0.65,
    lines: [
      'Escalated in {ticket}.',
      'Handed to second line with screenshots, {ticket}.',
      'Escalated; user told to expect a call within 4 hours.',
      'Assigned to the team with logs attached ({ticket}).',
    ],
  },
  unresolved: {
    chance: 0.7,
    lines: [
      'User had to go into a meeting, will call back.',
      'Could not reproduce while on the call.',
      'User stopped responding on Teams; closing.',
      'Ran out of time before the user’s train; reopened as {ticket}.',
    ],
  },
};
