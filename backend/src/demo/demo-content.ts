import { Outcome } from '../sessions/session.entity';
import { TreeKind } from '../trees/tree.entity';
import { NodeType } from '../trees/tree-node.entity';

/**
 * What the demo account contains, written with symbolic keys. demo-dataset.ts turns the keys
 * into UUIDs and generates the session history from the hints below (weights, outcomes,
 * drop-off, effort), which are seed-only and never stored.
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
  {
    key: 'vpn',
    name: 'VPN will not connect',
    description: 'GlobalProtect fails to connect from home or on the road. Covers credentials, DNS and a broken client.',
    kind: 'decision',
    share: 0.17,
    medianMinutes: 13,
    mix: { escalated: 1.25, resolved: 0.95 },
    nodes: [
      {
        key: 'internet',
        type: 'question',
        title: 'Does the user have internet with the VPN disconnected?',
        body: 'Ask them to disconnect GlobalProtect and open any external site, e.g. bbc.co.uk.',
        help: 'Hotel and train Wi-Fi often need a captive-portal login first: have them open a browser before anything else.',
        options: [
          { label: 'Yes, sites load', to: 'error', weight: 5 },
          { label: 'No internet at all', to: 'network', weight: 1 },
        ],
      },
      {
        key: 'network',
        type: 'step',
        step: 'network',
        options: [
          { label: 'Internet works now', to: 'error', weight: 2 },
          { label: 'Still no internet', to: 'isp', weight: 1 },
        ],
      },
      {
        key: 'isp',
        type: 'solution',
        title: 'Home connection problem, not the VPN',
        body: 'Have the user power-cycle their router (30 seconds off). If it is still down it is their ISP. For today, tether to their work phone’s hotspot and connect the VPN over that.',
        outcomes: { workaround: 1, unresolved: 0.4 },
      },
      {
        key: 'error',
        type: 'question',
        title: 'What does GlobalProtect say?',
        body: 'Read the exact message from the GlobalProtect window, or the last lines under Settings > Troubleshooting.',
        options: [
          { label: 'Authentication failed', to: 'creds', weight: 3 },
          { label: 'Gateway not reachable / timed out', to: 'dns', weight: 2 },
          { label: 'Client will not open or crashes', to: 'reinstall', weight: 1.2 },
        ],
      },
      {
        key: 'creds',
        type: 'step',
        step: 'credman',
        help: 'Most common after a password change: the saved VPN password is the old one.',
        options: [
          { label: 'That fixed it', to: 'creds_ok', weight: 3 },
          { label: 'Done, still authentication failed', to: 'locked', weight: 1 },
        ],
      },
      {
        key: 'locked',
        type: 'question',
        title: 'Is the account locked or the password expired?',
        body: 'Check the user in Active Directory: the Account tab shows a lockout; password last set more than 90 days ago means expired.',
        options: [
          { label: 'Locked or expired', to: 'reset', weight: 2 },
          { label: 'Neither', to: 'escalate', weight: 1 },
        ],
      },
      {
        key: 'reset',
        type: 'solution',
        title: 'Unlock or reset, then reconnect',
        body: 'Unlock the account or reset the password (use the Password reset flow for identity checks). Wait 2 minutes for the sync to Entra ID, then connect with the new password.',
        outcomes: { resolved: 1 },
      },
      {
        key: 'dns',
        type: 'step',
        step: 'flushdns',
        options: [
          { label: 'That fixed it', to: 'fixed', weight: 1.3 },
          { label: 'Done, still times out', to: 'escalate', weight: 1 },
        ],
      },
      {
        key: 'reinstall',
        type: 'step',
        step: 'reinstallvpn',
        dropOff: 8,
        effort: 6,
        options: [
          { label: 'That fixed it', to: 'fixed', weight: 2 },
          { label: 'Done, still broken', to: 'escalate', weight: 1 },
        ],
      },
      {
        key: 'creds_ok',
        type: 'solution',
        title: 'Stale credentials cleared: connected',
        body: 'Confirm the user can reach the intranet and a file share. Remind them to update the password on their phone too, or it will lock the account again.',
        outcomes: { resolved: 1 },
      },
      {
        key: 'fixed',
        type: 'solution',
        title: 'VPN connected',
        body: 'Confirm the intranet loads and mapped drives reconnect. Close the ticket with the step that fixed it.',
        outcomes: { resolved: 1 },
      },
      {
        key: 'escalate',
        type: 'solution',
        title: 'Escalate to the Network team',
        body: 'Assign the ticket to Network with: username, public IP (whatismyip.com), time of the last attempt, and the GlobalProtect log (Settings > Troubleshooting > Collect Logs).',
        help: 'If the user has an urgent deadline, offer a loan laptop from the service desk while Network investigates.',
        outcomes: { escalated: 1, unresolved: 0.5, workaround: 0.15 },
      },
    ],
  },
  {
    key: 'printer',
    name: 'Printer not printing',
    description: 'Jobs stuck in the queue, printer missing, or a whole floor unable to print.',
    kind: 'decision',
    share: 0.14,
    medianMinutes: 9,
    mix: { resolved: 1.05, workaround: 1.1, escalated: 0.85 },
    nodes: [
      {
        key: 'scope',
        type: 'question',
        title: 'Is it one user or everyone on that printer?',
        body: 'Ask a colleague sitting nearby to send a test page to the same printer.',
        options: [
          { label: 'Just this user', to: 'queue', weight: 3 },
          { label: 'Everyone on that printer', to: 'panel', weight: 1 },
        ],
      },
      {
        key: 'panel',
        type: 'question',
        title: 'What does the printer’s display show?',
        body: 'Ask someone at the printer to read the front panel.',
        options: [
          { label: 'Paper jam, out of paper or toner', to: 'consumables', weight: 2 },
          { label: 'Error code or offline', to: 'vendor', weight: 1 },
          { label: 'Looks ready', to: 'spooler', weight: 1 },
        ],
      },
      {
        key: 'queue',
        type: 'question',
        title: 'Is the job stuck in the user’s print queue?',
        body: 'Settings > Bluetooth & devices > Printers & scanners > the printer > Open print queue.',
        options: [
          { label: 'Yes, stuck or showing Error', to: 'spooler', weight: 2 },
          { label: 'Queue empty or printer missing', to: 'readd', weight: 1 },
        ],
      },
      {
        key: 'spooler',
        type: 'step',
        step: 'spooler',
        options: [
          { label: 'That fixed it', to: 'fixed', weight: 2 },
          { label: 'Done, still stuck', to: 'readd', weight: 1 },
        ],
      },
      {
        key: 'readd',
        type: 'step',
        title: 'Remove and re-add the printer',
        body: 'Remove the printer under Printers & scanners. Add it back from \\\\print01.northwind.example: printers are named by site and floor, e.g. LON-3F-MFP. The driver installs from the print server; no admin rights needed.',
        help: 'If the printer is not listed on print01, it has been retired: check the floor plan on the intranet for its replacement.',
        dropOff: 3,
        options: [
          { label: 'That fixed it', to: 'fixed', weight: 2 },
          { label: 'Done, still not printing', to: 'other_printer', weight: 1 },
        ],
      },
      {
        key: 'consumables',
        type: 'solution',
        title: 'Clear the jam or replace consumables',
        body: 'Follow the animation on the printer’s panel to clear the jam. Paper and toner are in the stationery cupboard on each floor; if toner is out of stock, raise it with Facilities.',
        outcomes: { resolved: 1, workaround: 0.3 },
      },
      {
        key: 'other_printer',
        type: 'solution',
        title: 'Print to a nearby printer and log a fault',
        body: 'Add the next closest printer for the user so they can carry on. Log a ticket for Desktop with the printer name and what was tried.',
        outcomes: { workaround: 1, unresolved: 0.5 },
      },
      {
        key: 'vendor',
        type: 'solution',
        title: 'Log a call with the print vendor',
        body: 'Call Konica on 0800 000 0000 with the asset tag on the front of the printer and the error code. Put a "Out of order" note on it and point people to the nearest printer.',
        outcomes: { escalated: 1, unresolved: 0.3 },
      },
      {
        key: 'fixed',
        type: 'solution',
        title: 'Printing again',
        body: 'Have the user print a test page. If this is the second time this month for the same printer, note it in the ticket so Desktop can look at the driver.',
        outcomes: { resolved: 1 },
      },
    ],
  },
  {
    key: 'outlook',
    name: 'Outlook not syncing',
    description: 'New mail not arriving, or sent items stuck in the Outbox, in desktop Outlook.',
    kind: 'decision',
    share: 0.18,
    medianMinutes: 16,
    mix: { workaround: 1.3, resolved: 0.95 },
    nodes: [
      {
        key: 'owa',
        type: 'question',
        title: 'Does new mail show up in Outlook on the web?',
        body: 'Have the user sign in at outlook.office.com and compare the latest message with desktop Outlook.',
        options: [
          { label: 'Yes, only desktop Outlook is behind', to: 'status', weight: 6 },
          { label: 'No, the web is behind too', to: 'service', weight: 1 },
        ],
      },
      {
        key: 'service',
        type: 'solution',
        title: 'Check Microsoft 365 service health and escalate',
        body: 'Look at Service health in the Microsoft 365 admin center for an Exchange Online incident. If there is one, link the ticket to it and tell the user. If not, escalate to Messaging with the message trace results.',
        outcomes: { escalated: 1, unresolved: 0.3 },
      },
      {
        key: 'status',
        type: 'question',
        title: 'What does Outlook’s status bar say?',
        body: 'Bottom of the Outlook window, right-hand side.',
        options: [
          { label: 'Disconnected or Working Offline', to: 'offline', weight: 2 },
          { label: 'Need password', to: 'creds', weight: 2 },
          { label: 'Updating this folder, or looks normal', to: 'mailbox', weight: 2 },
        ],
      },
      {
        key: 'offline',
        type: 'step',
        title: 'Turn off Work Offline',
        body: 'Send / Receive tab: Work Offline must not be highlighted. Click it if it is, then press F9 to send and receive.',
        options: [
          { label: 'That fixed it', to: 'fixed', weight: 1.5 },
          { label: 'Done, still disconnected', to: 'network', weight: 1 },
        ],
      },
      {
        key: 'network',
        type: 'step',
        step: 'network',
        options: [
          { label: 'That fixed it', to: 'fixed', weight: 1 },
          { label: 'Done, still disconnected', to: 'profile', weight: 1 },
        ],
      },
      {
        key: 'creds',
        type: 'step',
        step: 'credman',
        options: [
          { label: 'That fixed it', to: 'fixed', weight: 2 },
          { label: 'Done, still prompting', to: 'profile', weight: 1 },
        ],
      },
      {
        key: 'mailbox',
        type: 'step',
        title: 'Check mailbox quota and OST size',
        body: 'File > Info shows mailbox usage: above 95% of quota, Exchange stops accepting mail. Then check the OST in %LOCALAPPDATA%\\Microsoft\\Outlook: above 50 GB it syncs very slowly.',
        help: 'For a full mailbox, turn on the online archive (Exchange admin center > the mailbox > Others) and run Mailbox Cleanup with the user.',
        options: [
          { label: 'Mailbox was full: archived, now syncing', to: 'fixed', weight: 1 },
          { label: 'Sizes are fine', to: 'profile', weight: 1.5 },
        ],
      },
      {
        key: 'profile',
        type: 'step',
        step: 'outlookprofile',
        dropOff: 10,
        effort: 7,
        options: [
          { label: 'That fixed it', to: 'fixed', weight: 2 },
          { label: 'Done, not synced yet', to: 'progress', weight: 2 },
        ],
      },
      {
        key: 'progress',
        type: 'question',
        title: 'Is the new profile still downloading mail?',
        body: 'The status bar shows "Updating Inbox" with a count going down, and new folders keep appearing.',
        options: [
          { label: 'Yes, still downloading', to: 'web', weight: 1.5 },
          { label: 'No, stuck or showing errors', to: 'escalate', weight: 1 },
        ],
      },
      {
        key: 'fixed',
        type: 'solution',
        title: 'Mail is syncing',
        body: 'Send a test message to the user and watch it arrive. Check the Outbox is empty.',
        outcomes: { resolved: 1 },
      },
      {
        key: 'web',
        type: 'solution',
        title: 'Use Outlook on the web until the new profile finishes',
        body: 'Pin outlook.office.com in the user’s browser. Book a 5-minute check for tomorrow morning to confirm desktop Outlook caught up, then delete the old profile next week.',
        outcomes: { workaround: 1, unresolved: 0.3 },
      },
      {
        key: 'escalate',
        type: 'solution',
        title: 'Escalate to the Messaging team',
        body: 'Assign to Messaging with: the user’s address, Outlook version (File > Office Account), what the status bar says, and whether a new profile was tried. Give the user Outlook on the web meanwhile.',
        outcomes: { escalated: 1, unresolved: 0.5, workaround: 0.3 },
      },
    ],
  },
  {
    key: 'password',
    name: 'Password reset / account locked',
    description: 'Identity check, unlock or reset, MFA re-registration and cleaning up cached passwords. Follow it in order.',
    kind: 'procedural',
    share: 0.28,
    medianMinutes: 7,
    mix: { resolved: 1.22, workaround: 0.7, escalated: 0.3, unresolved: 0.6, unfinished: 0.7 },
    nodes: [
      {
        key: 'verify',
        type: 'step',
        title: 'Verify the caller’s identity',
        body: 'Call the user back on the mobile number in the HR directory, never the number they called from. Ask for their employee ID and their line manager’s name. Do not reset on an email or Teams message alone.',
        help: 'If the directory has no mobile number, the line manager can vouch for them on a Teams video call.',
        options: [
          { label: 'Identity verified', to: 'state', weight: 40 },
          { label: 'Could not verify', to: 'refuse', weight: 1 },
        ],
      },
      {
        key: 'refuse',
        type: 'solution',
        title: 'Do not reset: log it and tell Security',
        body: 'Log the call with the number used and what was asked. If the caller pushed for an urgent reset, forward the ticket to security@northwind.example.',
        outcomes: { escalated: 1, unresolved: 0.6 },
      },
      {
        key: 'state',
        type: 'question',
        title: 'Locked out, or forgotten password?',
        body: 'Check the Account tab in Active Directory: a locked account shows the "Unlock account" box.',
        options: [
          { label: 'Locked out, knows the password', to: 'unlock', weight: 1.2 },
          { label: 'Forgotten or expired', to: 'reset', weight: 1 },
        ],
      },
      {
        key: 'unlock',
        type: 'step',
        step: 'unlock',
        options: [{ label: 'Done', to: 'source' }],
      },
      {
        key: 'source',
        type: 'step',
        title: 'Find what keeps locking the account',
        body: 'Look up event 4740 on the PDC for the caller computer. Usual culprits: the old password in the phone’s mail app, a mapped drive with saved credentials, a disconnected RDP session on a server.',
        dropOff: 6,
        effort: 4,
        options: [
          { label: 'Found and cleared it', to: 'fixed', weight: 3 },
          { label: 'Nothing obvious', to: 'monitor', weight: 1 },
        ],
      },
      {
        key: 'reset',
        type: 'step',
        title: 'Reset the password and require a change at sign-in',
        body: 'Generate a temporary password with the reset tool (three words and a number), read it out over the phone and tick "User must change password at next logon". Never send it by email or Teams.',
        options: [{ label: 'Done', to: 'mfa' }],
      },
      {
        key: 'mfa',
        type: 'step',
        title: 'Check MFA registration',
        body: 'Entra admin center > Users > the user > Authentication methods: the Authenticator app must be on their current phone. For a new or lost phone, issue a Temporary Access Pass (one hour, single use) and walk them through registering again.',
        options: [
          { label: 'MFA works', to: 'creds', weight: 4 },
          { label: 'New phone: Temporary Access Pass issued', to: 'creds', weight: 1 },
        ],
      },
      {
        key: 'creds',
        type: 'step',
        step: 'credman',
        options: [
          { label: 'Signed in everywhere', to: 'fixed', weight: 5 },
          { label: 'One app still prompts', to: 'monitor', weight: 1 },
        ],
      },
      {
        key: 'fixed',
        type: 'solution',
        title: 'User signed in',
        body: 'Confirm they can open Outlook and Teams. Remind them to update the password on their phone and any other device.',
        outcomes: { resolved: 1 },
      },
      {
        key: 'monitor',
        type: 'solution',
        title: 'Signed in: watch for a relock',
        body: 'The user can work. Add a note with the time, and check the lockout status again in an hour. If it relocks, assign the ticket to Identity with the 4740 events.',
        outcomes: { workaround: 1, unresolved: 0.4, escalated: 0.2 },
      },
    ],
  },
  {
    key: 'wifi',
    name: 'Wi-Fi keeps dropping',
    description: 'Laptop loses Wi-Fi every few minutes, in the office or at home.',
    kind: 'decision',
    share: 0.12,
    medianMinutes: 14,
    mix: { escalated: 1.1, workaround: 1.15, resolved: 0.9, unfinished: 1.1 },
    nodes: [
      {
        key: 'where',
        type: 'question',
        title: 'Where does it drop?',
        body: 'Ask where the user was the last three times it happened.',
        options: [
          { label: 'In the office', to: 'others', weight: 2 },
          { label: 'At home', to: 'home', weight: 1.5 },
          { label: 'Everywhere', to: 'driver', weight: 1 },
        ],
      },
      {
        key: 'others',
        type: 'question',
        title: 'Are colleagues nearby affected too?',
        body: 'Ask the user to check with the people around them, or look for other Wi-Fi tickets from that floor today.',
        options: [
          { label: 'Yes, several people', to: 'escalate', weight: 1 },
          { label: 'Only this laptop', to: 'forget', weight: 2.5 },
        ],
      },
      {
        key: 'forget',
        type: 'step',
        title: 'Forget and rejoin Northwind-Corp',
        body: 'Settings > Network & internet > Wi-Fi > Manage known networks: Forget Northwind-Corp and Northwind-Guest. Rejoin Northwind-Corp; it signs in with the device certificate, no password needed.',
        help: 'Windows hops between the two SSIDs when both are saved; that looks exactly like a drop.',
        options: [
          { label: 'That fixed it', to: 'fixed', weight: 1.5 },
          { label: 'Done, still drops', to: 'driver', weight: 1 },
        ],
      },
      {
        key: 'home',
        type: 'step',
        step: 'network',
        help: 'At home, also ask the user to restart their router and sit in the same room as it for a test.',
        options: [
          { label: 'Stable near the router', to: 'coverage', weight: 1.5 },
          { label: 'Still drops', to: 'driver', weight: 1 },
        ],
      },
      {
        key: 'driver',
        type: 'step',
        step: 'winupdate',
        effort: 5,
        options: [
          { label: 'That fixed it', to: 'fixed', weight: 1 },
          { label: 'Done, still drops', to: 'power', weight: 1.2 },
        ],
      },
      {
        key: 'power',
        type: 'step',
        title: 'Turn off Wi-Fi power saving',
        body: 'Device Manager > Network adapters > the Wi-Fi adapter > Properties. Power Management tab: untick "Allow the computer to turn off this device". Advanced tab: set Roaming Aggressiveness to Medium-Low. Restart.',
        dropOff: 7,
        effort: 4,
        options: [
          { label: 'That fixed it', to: 'fixed', weight: 1.2 },
          { label: 'Done, still drops', to: 'dongle', weight: 1 },
        ],
      },
      {
        key: 'coverage',
        type: 'solution',
        title: 'Weak home Wi-Fi: advise the user',
        body: 'The laptop is fine; the signal is not. Suggest a network cable to the router or a mesh extender. Their router and broadband are theirs to raise with the ISP.',
        outcomes: { workaround: 1, resolved: 0.4, unresolved: 0.3 },
      },
      {
        key: 'dongle',
        type: 'solution',
        title: 'Issue a USB Wi-Fi adapter and book a hardware check',
        body: 'Give the user a USB Wi-Fi adapter from the service desk stock so they can work. Log a ticket for Desktop to test the internal card.',
        outcomes: { workaround: 1, escalated: 0.5, unresolved: 0.3 },
      },
      {
        key: 'escalate',
        type: 'solution',
        title: 'Escalate to Network: access point problem',
        body: 'Assign to Network with the floor and desk, times of the drops, and the access point name from `netsh wlan show interfaces` (BSSID line). Add the other affected users to the ticket.',
        outcomes: { escalated: 1, unresolved: 0.3 },
      },
      {
        key: 'fixed',
        type: 'solution',
        title: 'Wi-Fi is stable',
        body: 'Ask the user to confirm after an hour of normal work, and close the ticket with the step that fixed it.',
        outcomes: { resolved: 1 },
      },
    ],
  },
  {
    key: 'slow',
    name: 'Laptop is slow',
    description: 'General slowness: slow sign-in, everything sluggish, or one application crawling.',
    kind: 'decision',
    share: 0.11,
    medianMinutes: 19,
    mix: { workaround: 1.25, resolved: 0.9, unfinished: 1.3 },
    nodes: [
      {
        key: 'when',
        type: 'question',
        title: 'When is it slow?',
        body: 'Ask the user to describe the last time it was slow and what they were doing.',
        options: [
          { label: 'After sign-in, then it gets better', to: 'updates', weight: 1 },
          { label: 'All the time', to: 'taskmgr', weight: 2 },
          { label: 'Only in one application', to: 'app', weight: 1 },
        ],
      },
      {
        key: 'app',
        type: 'question',
        title: 'Which application?',
        options: [
          { label: 'Teams', to: 'teams', weight: 2 },
          { label: 'Something else', to: 'taskmgr', weight: 1 },
        ],
      },
      {
        key: 'taskmgr',
        type: 'step',
        step: 'taskmgr',
        options: [
          { label: 'Found a hog: closed or removed it', to: 'fixed', weight: 1 },
          { label: 'Done, nothing stands out', to: 'disk', weight: 1.5 },
        ],
      },
      {
        key: 'disk',
        type: 'question',
        title: 'How much free space is on C:?',
        body: 'File Explorer > This PC. Windows slows down badly below 10 GB free: updates, the page file and OneDrive all need room.',
        options: [
          { label: 'Under 10 GB', to: 'cleanup', weight: 1 },
          { label: 'Plenty of space', to: 'restart', weight: 2 },
        ],
      },
      {
        key: 'restart',
        type: 'step',
        step: 'restart',
        options: [
          { label: 'That fixed it', to: 'fixed', weight: 1 },
          { label: 'Done, still slow', to: 'updates', weight: 1.3 },
        ],
      },
      {
        key: 'updates',
        type: 'step',
        step: 'winupdate',
        effort: 5,
        options: [
          { label: 'That fixed it', to: 'fixed', weight: 1 },
          { label: 'Done, still slow', to: 'safemode', weight: 1.3 },
        ],
      },
      {
        key: 'safemode',
        type: 'step',
        step: 'safemode',
        dropOff: 9,
        effort: 6,
        options: [
          { label: 'Fast in safe mode', to: 'startup', weight: 1.3 },
          { label: 'Slow even in safe mode', to: 'hardware', weight: 1 },
        ],
      },
      {
        key: 'fixed',
        type: 'solution',
        title: 'Laptop is responsive again',
        body: 'Ask the user to work normally for an hour and call back if it returns. Note what was using the resources in the ticket.',
        outcomes: { resolved: 1 },
      },
      {
        key: 'startup',
        type: 'solution',
        title: 'Disable the offending startup app or driver',
        body: 'Task Manager > Startup apps: disable everything non-essential, then turn items back on one at a time to find the culprit. If it is a driver, roll it back in Device Manager.',
        outcomes: { resolved: 1, workaround: 0.6, unresolved: 0.3 },
      },
      {
        key: 'cleanup',
        type: 'solution',
        title: 'Free up disk space',
        body: 'Run Disk Cleanup as admin and include system files, empty the Downloads folder with the user, and set OneDrive folders to "Free up space". Aim for 20 GB free.',
        outcomes: { resolved: 1, workaround: 0.3 },
      },
      {
        key: 'teams',
        type: 'solution',
        title: 'Clear the Teams cache',
        body: 'Quit Teams from the system tray. Delete the contents of %LOCALAPPDATA%\\Packages\\MSTeams_8wekyb3d8bbwe\\LocalCache\\Microsoft\\MSTeams and start Teams again. Sign-in takes a minute longer the first time.',
        outcomes: { resolved: 1, workaround: 0.3 },
      },
      {
        key: 'hardware',
        type: 'solution',
        title: 'Loan laptop and send for hardware diagnostics',
        body: 'Swap the user to a loan laptop (OneDrive brings their files back). Assign a ticket to Desktop to run the vendor diagnostics: a failing SSD or thermal throttling is the usual cause.',
        outcomes: { escalated: 1, workaround: 0.8, unresolved: 0.3 },
      },
    ],
  },
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
