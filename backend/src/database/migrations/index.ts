import { InitialSchema1764000000000 } from './1764000000000-InitialSchema';
import { Feedback1764000100000 } from './1764000100000-Feedback';
import { AnalyticsIndexes1764000200000 } from './1764000200000-AnalyticsIndexes';
import { AnalyticsRollups1764000300000 } from './1764000300000-AnalyticsRollups';
import { StepVoteCounters1764000400000 } from './1764000400000-StepVoteCounters';
import { HourlySecondsKey1764000500000 } from './1764000500000-HourlySecondsKey';
import { AnalyticsVersions1764000600000 } from './1764000600000-AnalyticsVersions';
import { ClosedDaysVersion1764000700000 } from './1764000700000-ClosedDaysVersion';
import { DropSessionsCompletedIndex1764000800000 } from './1764000800000-DropSessionsCompletedIndex';
import { RollupJournal1764000900000 } from './1764000900000-RollupJournal';
import { TenantKeys1764001000000 } from './1764001000000-TenantKeys';
import { LoginEmails1764001010000 } from './1764001010000-LoginEmails';
import { RateLimits1764001020000 } from './1764001020000-RateLimits';
import { ApiTokens1764001100000 } from './1764001100000-ApiTokens';
import { SessionExternalRef1764001110000 } from './1764001110000-SessionExternalRef';
import { Webhooks1764001200000 } from './1764001200000-Webhooks';
import { SessionTreeVersion1764001300000 } from './1764001300000-SessionTreeVersion';
import { NodeTimeRollups1764001400000 } from './1764001400000-NodeTimeRollups';
import { UnfinishedSessionsNodeIndex1764001500000 } from './1764001500000-UnfinishedSessionsNodeIndex';
import { TreeNodeHistory1764001600000 } from './1764001600000-TreeNodeHistory';
import { RatingScoreIndex1764001700000 } from './1764001700000-RatingScoreIndex';

/** Every migration, oldest first. Add new ones at the end; never edit one that has landed. */
export const MIGRATIONS = [
  InitialSchema1764000000000,
  Feedback1764000100000,
  AnalyticsIndexes1764000200000,
  AnalyticsRollups1764000300000,
  StepVoteCounters1764000400000,
  HourlySecondsKey1764000500000,
  AnalyticsVersions1764000600000,
  ClosedDaysVersion1764000700000,
  DropSessionsCompletedIndex1764000800000,
  RollupJournal1764000900000,
  TenantKeys1764001000000,
  LoginEmails1764001010000,
  RateLimits1764001020000,
  ApiTokens1764001100000,
  SessionExternalRef1764001110000,
  Webhooks1764001200000,
  SessionTreeVersion1764001300000,
  NodeTimeRollups1764001400000,
  UnfinishedSessionsNodeIndex1764001500000,
  TreeNodeHistory1764001600000,
  RatingScoreIndex1764001700000,
];
