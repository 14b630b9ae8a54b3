/**
 * Progress of the card step: an ordered list whose items say done / in progress, and each new
 * step announced through the live region (screen readers hear it without losing their place).
 */
import { h } from '../dom.js';
import type { ProgressStep } from '../i18n/ui-types.js';
import type { Widget } from '../widget-context.js';

const state = new WeakMap<Widget, { steps: readonly ProgressStep[]; active: number }>();

export function startProgress(w: Widget, steps: readonly ProgressStep[]): (step: ProgressStep) => void {
  state.set(w, { steps, active: -1 });
  w.go(progressScreen);
  return (step) => {
    const s = state.get(w);
    if (!s) return;
    s.active = s.steps.indexOf(step);
    w.render();
    w.announce(w.ui.steps[step]);
  };
}

export function progressScreen(w: Widget): HTMLElement {
  const { ui } = w;
  const s = state.get(w) ?? { steps: [], active: -1 };
  return h(
    'section',
    { class: 'jw-screen', 'data-screen': 'progress', 'aria-busy': 'true' },
    h('h1', {}, ui.progressTitle),
    h(
      'ol',
      { class: 'jw-steps' },
      s.steps.map((step, i) =>
        h(
          'li',
          {
            class: i < s.active ? 'jw-step-done' : i === s.active ? 'jw-step-active' : 'jw-step',
            'aria-current': i === s.active ? 'step' : undefined,
          },
          ui.steps[step],
          i < s.active ? h('span', { class: 'jw-sr' }, ` (${ui.stepDone})`) : null,
          i === s.active ? h('span', { class: 'jw-sr' }, ` (${ui.stepActive})`) : null,
        ),
      ),
    ),
  );
}
