import type {
  NodeBodyDto,
  OptionBodyDto,
  StepResponseDto,
  TreeBodyDto,
  TreeResponseDto,
  TreeSummaryDto,
  UserResponseDto,
} from '../../api/models';

/** Admin-side names for the generated client's models (backend/openapi.json is the source of truth). */
export type AccountUser = UserResponseDto;
export type AssignableRole = Exclude<AccountUser['role'], 'super_admin'>;
export type LibraryStep = StepResponseDto;
export type FlowSummary = TreeSummaryDto;
export type FlowDetail = TreeResponseDto;
export type FlowStatus = TreeSummaryDto['status'];
export type FlowKind = TreeSummaryDto['kind'];
export type NodeType = NodeBodyDto['type'];

/** The body of POST /trees and PUT /trees/:id; also the JSON a flow is exported as. */
export type FlowBody = TreeBodyDto;
export type FlowNodeBody = NodeBodyDto;
export type FlowOptionBody = OptionBodyDto;
