import type { DemoFlowDef } from '../demo-content';

export const PASSWORD_RESET_FLOW: DemoFlowDef = {
  key: 'password',
  name: 'Password reset / account locked',
  description:
    'Identity check, unlock or reset, MFA re-registration and cleaning up cached passwords. Follow it in order.',
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
};
