import type { DemoFlowDef } from '../demo-content';

export const OUTLOOK_FLOW: DemoFlowDef = {
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
};
