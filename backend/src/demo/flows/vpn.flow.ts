import type { DemoFlowDef } from '../demo-content';

export const VPN_FLOW: DemoFlowDef = {
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
};
