/** The in-page message panel for load and analysis problems. Text only: nothing here becomes markup. */

export interface MessageOptions {
  title: string;
  text: string;
  kind?: 'error' | 'info';
  steps?: string[];
  actions?: { label: string; run: () => void }[];
}

export function showMessage(m: MessageOptions): void {
  const box = document.getElementById('message')!;
  box.className = m.kind ?? 'error';
  document.getElementById('message-title')!.textContent = m.title;
  document.getElementById('message-text')!.textContent = m.text;
  const steps = document.getElementById('message-steps')!;
  steps.replaceChildren(
    ...(m.steps ?? []).map((s) => {
      const li = document.createElement('li');
      li.textContent = s;
      return li;
    }),
  );
  steps.hidden = !m.steps?.length;
  const actions = document.getElementById('message-actions')!;
  actions.replaceChildren(
    ...(m.actions ?? []).map((a) => {
      const b = document.createElement('button');
      b.type = 'button';
      b.textContent = a.label;
      b.addEventListener('click', a.run);
      return b;
    }),
    Object.assign(document.createElement('button'), { type: 'button', textContent: 'Dismiss', onclick: hideMessage }),
  );
  box.hidden = false;
}

export function hideMessage(): void {
  document.getElementById('message')!.hidden = true;
}
