import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';

import type { Role } from '../core/api-types';

const ROLE_LABELS: Record<Role, string> = {
  super_admin: 'Super admin',
  team_admin: 'Team admin',
  engineer: 'Engineer',
};

@Component({
  selector: 'rf-role-badge',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: '<span class="role-badge" [class.role-badge--admin]="role() !== \'engineer\'">{{ label() }}</span>',
  styles: `
    .role-badge {
      display: inline-block;
      padding: 2px 10px;
      border-radius: 999px;
      font-size: 0.8rem;
      font-weight: 600;
      background: var(--rf-surface-muted);
      color: var(--rf-text);
      border: 1px solid var(--rf-border);
      white-space: nowrap;
    }
    .role-badge--admin {
      background: var(--rf-primary-soft);
      color: var(--rf-primary-hover);
      border-color: transparent;
    }
  `,
})
export class RoleBadgeComponent {
  readonly role = input.required<Role>();
  protected readonly label = computed(() => ROLE_LABELS[this.role()] ?? this.role());
}
