import type { DemoFlowDef } from '../demo-content';

export const SLOW_PC_FLOW: DemoFlowDef = {
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
};
