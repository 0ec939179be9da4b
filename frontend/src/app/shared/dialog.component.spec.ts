import { Component, signal } from '@angular/core';
import { TestBed, type ComponentFixture } from '@angular/core/testing';

import { settle } from '../../testing/fixtures';
import { DialogComponent } from './dialog.component';

@Component({
  imports: [DialogComponent],
  template: `
    <button type="button" id="opener">Open</button>
    @if (open()) {
      <rf-dialog title="Rename step" [locked]="locked()" (closed)="open.set(false)">
        <input id="first-field" type="text" aria-label="New name" />
        <div rfDialogActions><button type="button">Save</button></div>
      </rf-dialog>
    }
  `,
})
class HostComponent {
  readonly open = signal(true);
  readonly locked = signal(false);
}

describe('DialogComponent', () => {
  let fixture: ComponentFixture<HostComponent>;

  beforeEach(async () => {
    fixture = TestBed.createComponent(HostComponent);
    await settle(fixture);
  });

  function dialog(): HTMLElement | null {
    return (fixture.nativeElement as HTMLElement).querySelector('[role="dialog"]');
  }

  async function pressEscape(): Promise<void> {
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' }));
    await settle(fixture);
  }

  // Focus moving inside needs layout (jsdom has none): the e2e run checks it in Chromium.
  it('is a modal dialog named by its title', () => {
    expect(dialog()!.getAttribute('aria-modal')).toBe('true');
    const titleId = dialog()!.getAttribute('aria-labelledby')!;
    expect(document.getElementById(titleId)!.textContent).toBe('Rename step');
  });

  it('closes with Escape, the close button or a click beside it', async () => {
    await pressEscape();
    expect(dialog()).toBeNull();

    fixture.componentInstance.open.set(true);
    await settle(fixture);
    dialog()!.querySelector<HTMLButtonElement>('button[aria-label="Close"]')!.click();
    await settle(fixture);
    expect(dialog()).toBeNull();

    fixture.componentInstance.open.set(true);
    await settle(fixture);
    (fixture.nativeElement as HTMLElement).querySelector<HTMLElement>('.backdrop')!.click();
    await settle(fixture);
    expect(dialog()).toBeNull();
  });

  it('stays open while locked (a request is running)', async () => {
    fixture.componentInstance.locked.set(true);
    await settle(fixture);

    await pressEscape();

    expect(dialog()).not.toBeNull();
  });
});
