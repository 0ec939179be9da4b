import { ChangeDetectionStrategy, Component, computed, input, output, signal } from '@angular/core';

export interface SelectOption {
  value: string;
  label: string;
  /** A second, quieter line (an e-mail, a role). Also searched. */
  hint?: string;
}

let nextId = 0;

/**
 * A select you can type into (the WAI-ARIA combobox pattern): typing filters, arrow keys move,
 * Enter picks, Escape closes. The first entry clears the choice ("All engineers").
 */
@Component({
  selector: 'rf-searchable-select',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <label class="field__label" [for]="inputId">{{ label() }}</label>
    <div class="combo" (focusout)="onFocusOut($event)">
      <input
        [id]="inputId"
        type="text"
        role="combobox"
        autocomplete="off"
        aria-autocomplete="list"
        [attr.aria-expanded]="open()"
        [attr.aria-controls]="listId"
        [attr.aria-activedescendant]="open() && activeIndex() >= 0 ? optionId(activeIndex()) : null"
        [placeholder]="clearLabel()"
        [value]="open() ? query() : selectedLabel()"
        (input)="onInput($event)"
        (keydown)="onKeydown($event)"
        (click)="openList()"
      />
      <span class="combo__chevron" aria-hidden="true">▾</span>
      @if (open()) {
        <ul class="combo__list" role="listbox" [id]="listId" [attr.aria-label]="label()">
          @for (entry of entries(); track entry.value ?? ''; let index = $index) {
            <li
              role="option"
              class="combo__option"
              [id]="optionId(index)"
              [class.is-active]="index === activeIndex()"
              [attr.aria-selected]="entry.value === value()"
              (mousedown)="$event.preventDefault()"
              (click)="choose(entry.value)"
            >
              <span>{{ entry.label }}</span>
              @if (entry.hint) {
                <span class="combo__hint">{{ entry.hint }}</span>
              }
            </li>
          } @empty {
            <li class="combo__empty" role="presentation">No one matches “{{ query() }}”</li>
          }
        </ul>
      }
    </div>
  `,
  styles: `
    /* The label is the shared form-field label (styles.scss .field__label, same size and gap), so it
       reads like the other fields beside it in a filter form. */
    :host {
      display: flex;
      flex-direction: column;
      gap: var(--rf-space-1);
      min-width: 0;
    }
    .combo {
      position: relative;
    }
    .combo input {
      min-height: 36px;
      padding-right: 28px;
      font-size: 0.95rem;
    }
    .combo__chevron {
      position: absolute;
      right: 10px;
      top: 50%;
      transform: translateY(-50%);
      color: var(--rf-text-muted);
      pointer-events: none;
    }
    .combo__list {
      position: absolute;
      z-index: 20;
      top: calc(100% + 4px);
      left: 0;
      right: 0;
      max-height: 280px;
      overflow-y: auto;
      margin: 0;
      padding: var(--rf-space-1) 0;
      list-style: none;
      background: var(--rf-surface);
      border: 1px solid var(--rf-border-strong);
      border-radius: var(--rf-radius-sm);
      box-shadow: var(--rf-shadow);
    }
    .combo__option {
      display: flex;
      flex-direction: column;
      padding: var(--rf-space-2) var(--rf-space-3);
      cursor: pointer;
    }
    .combo__option.is-active,
    .combo__option:hover {
      background: var(--rf-primary-soft);
    }
    .combo__option[aria-selected='true'] {
      font-weight: 700;
    }
    .combo__hint {
      font-size: 0.8rem;
      color: var(--rf-text-muted);
      font-weight: 400;
    }
    .combo__empty {
      padding: var(--rf-space-2) var(--rf-space-3);
      color: var(--rf-text-muted);
    }
  `,
})
export class SearchableSelectComponent {
  readonly label = input.required<string>();
  readonly options = input.required<readonly SelectOption[]>();
  readonly value = input<string | null>(null);
  /** The entry that clears the choice, also the placeholder. */
  readonly clearLabel = input('All');
  readonly valueChange = output<string | null>();

  protected readonly inputId = `rf-combo-${nextId}`;
  protected readonly listId = `rf-combo-list-${nextId++}`;
  protected readonly open = signal(false);
  protected readonly query = signal('');
  protected readonly activeIndex = signal(-1);

  protected readonly selectedLabel = computed(() => {
    const value = this.value();
    return this.options().find((option) => option.value === value)?.label ?? '';
  });

  /** The clearing entry first, then the options whose label or hint contains the query. */
  protected readonly entries = computed<{ value: string | null; label: string; hint?: string }[]>(() => {
    const query = this.query().trim().toLocaleLowerCase();
    const matches = this.options().filter((option) =>
      `${option.label} ${option.hint ?? ''}`.toLocaleLowerCase().includes(query),
    );
    return query === '' ? [{ value: null, label: this.clearLabel() }, ...matches] : matches;
  });

  protected optionId(index: number): string {
    return `${this.listId}-${index}`;
  }

  protected openList(): void {
    if (this.open()) {
      return;
    }
    this.query.set('');
    this.open.set(true);
    this.activeIndex.set(
      Math.max(
        0,
        this.entries().findIndex((entry) => entry.value === this.value()),
      ),
    );
  }

  protected onInput(event: Event): void {
    this.query.set((event.target as HTMLInputElement).value);
    this.open.set(true);
    this.activeIndex.set(this.entries().length > 0 ? 0 : -1);
  }

  protected onKeydown(event: KeyboardEvent): void {
    const count = this.entries().length;
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        if (!this.open()) {
          this.openList();
        } else if (count > 0) {
          this.activeIndex.update((index) => (index + 1) % count);
        }
        break;
      case 'ArrowUp':
        event.preventDefault();
        if (this.open() && count > 0) {
          this.activeIndex.update((index) => (index <= 0 ? count - 1 : index - 1));
        }
        break;
      case 'Enter': {
        const entry = this.entries()[this.activeIndex()];
        if (this.open() && entry) {
          event.preventDefault();
          this.choose(entry.value);
        }
        break;
      }
      case 'Escape':
        if (this.open()) {
          event.preventDefault();
          this.close();
        }
        break;
    }
  }

  protected onFocusOut(event: FocusEvent): void {
    const next = event.relatedTarget as Node | null;
    if (!next || !(event.currentTarget as HTMLElement).contains(next)) {
      this.close();
    }
  }

  protected choose(value: string | null): void {
    this.close();
    if (value !== this.value()) {
      this.valueChange.emit(value);
    }
  }

  private close(): void {
    this.open.set(false);
    this.query.set('');
    this.activeIndex.set(-1);
  }
}
