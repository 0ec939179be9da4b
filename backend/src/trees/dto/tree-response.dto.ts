import { ApiProperty } from '@nestjs/swagger';

import { NODE_TYPES, NodeType, TreeNode } from '../tree-node.entity';
import { Tree, TREE_KINDS, TREE_STATUSES, TreeKind, TreeStatus } from '../tree.entity';

export class OptionResponseDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() label: string;
  @ApiProperty({ format: 'uuid' }) next_node_id: string;
}

export class NodeResponseDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: NODE_TYPES }) type: NodeType;
  @ApiProperty() title: string;
  @ApiProperty() body: string;
  @ApiProperty({ nullable: true, type: String }) help_text: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) step_id: string | null;
  @ApiProperty({ type: [OptionResponseDto] }) options: OptionResponseDto[];
  @ApiProperty() position: number;

  static from(node: TreeNode): NodeResponseDto {
    return {
      id: node.id,
      type: node.type,
      title: node.title,
      body: node.body,
      help_text: node.helpText,
      step_id: node.stepId,
      options: node.options.map((o) => ({ id: o.id, label: o.label, next_node_id: o.next_node_id })),
      position: node.position,
    };
  }
}

export class TreeSummaryDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty() description: string;
  @ApiProperty({ enum: TREE_KINDS }) kind: TreeKind;
  @ApiProperty({ enum: TREE_STATUSES }) status: TreeStatus;
  @ApiProperty({ format: 'uuid' }) start_node_id: string;
  @ApiProperty({ description: 'Sessions started on this flow' }) usage_count: number;
  @ApiProperty({ description: 'Send it back with PUT to detect concurrent edits' }) version: number;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) created_by: string | null;
  @ApiProperty({ format: 'date-time' }) created_at: string;
  @ApiProperty({ format: 'date-time' }) updated_at: string;

  static from(tree: Tree): TreeSummaryDto {
    return {
      id: tree.id,
      name: tree.name,
      description: tree.description,
      kind: tree.kind,
      status: tree.status,
      start_node_id: tree.startNodeId,
      usage_count: tree.usageCount,
      version: tree.version,
      created_by: tree.createdBy,
      created_at: tree.createdAt.toISOString(),
      updated_at: tree.updatedAt.toISOString(),
    };
  }
}

export class TreeResponseDto extends TreeSummaryDto {
  @ApiProperty({ type: [NodeResponseDto] }) nodes: NodeResponseDto[];

  static withNodes(tree: Tree, nodes: TreeNode[]): TreeResponseDto {
    return { ...TreeSummaryDto.from(tree), nodes: nodes.map(NodeResponseDto.from) };
  }
}
