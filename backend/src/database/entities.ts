import { Account } from '../accounts/account.entity';
import { SessionRating } from '../feedback/session-rating.entity';
import { StepVote } from '../feedback/step-vote.entity';
import { Session } from '../sessions/session.entity';
import { LibraryStep } from '../steps/library-step.entity';
import { TreeNode } from '../trees/tree-node.entity';
import { Tree } from '../trees/tree.entity';
import { User } from '../users/user.entity';

/** Every entity, in one list shared by the app and the migration CLI. */
export const ENTITIES = [Account, User, LibraryStep, Tree, TreeNode, Session, SessionRating, StepVote];
