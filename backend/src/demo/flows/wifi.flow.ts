import type { DemoFlowDef } from '../demo-content';

export const WIFI_FLOW: DemoFlowDef = {
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
};
