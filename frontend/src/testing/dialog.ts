/**
 * jsdom has <dialog> but not showModal()/close(). This stand-in keeps the parts the components rely
 * on: the `open` state and the `close` event. (Modality and focus trapping are the browser's; the
 * e2e run checks those in Chromium.)
 */
export function polyfillDialog(): void {
  const proto = HTMLDialogElement.prototype as Partial<HTMLDialogElement> & HTMLElement;
  if (typeof proto.showModal !== 'function') {
    proto.showModal = function (this: HTMLDialogElement) {
      this.setAttribute('open', '');
    };
  }
  if (typeof proto.close !== 'function') {
    proto.close = function (this: HTMLDialogElement) {
      if (this.hasAttribute('open')) {
        this.removeAttribute('open');
        this.dispatchEvent(new Event('close'));
      }
    };
  }
}
