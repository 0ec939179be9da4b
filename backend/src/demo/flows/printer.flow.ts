import type { DemoFlowDef } from '../demo-content';

export const PRINTER_FLOW: DemoFlowDef = {
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
};
