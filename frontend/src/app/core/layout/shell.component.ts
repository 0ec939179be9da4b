import { ChangeDetectionStrategy, Component, computed, inject, type OnInit } from '@angular/core';
import { RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';

import { NavIconComponent } from '../../shared/nav-icon.component';
import { RoleBadgeComponent } from '../../shared/role-badge.component';
import { AuthService } from '../auth/auth.service';
import { navItemsFor } from './nav-items';

/** Signed-in frame: top bar, role-aware navigation and the routed page. */
@Component({
  selector: 'rf-shell',
  imports: [RouterOutlet, RouterLink, RouterLinkActive, RoleBadgeComponent, NavIconComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './shell.component.html',
  styleUrl: './shell.component.scss',
})
export class ShellComponent implements OnInit {
  private readonly auth = inject(AuthService);

  protected readonly user = this.auth.user;
  protected readonly navItems = computed(() => navItemsFor(this.auth.role()));

  ngOnInit(): void {
    // A stale cached profile is harmless; a revoked token is handled by the interceptor's 401 path.
    this.auth.refreshUser().catch(() => undefined);
  }

  protected logout(): void {
    this.auth.logout();
  }
}
