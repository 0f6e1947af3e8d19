/** The password prompt for encrypted PDFs: a real form in a <dialog>, not window.prompt. */

export function askPassword(wrong: boolean): Promise<string | null> {
  const dialog = document.getElementById('password-dialog') as HTMLDialogElement;
  const form = document.getElementById('password-form') as HTMLFormElement;
  const input = document.getElementById('password-input') as HTMLInputElement;
  const reason = document.getElementById('password-reason')!;
  const cancel = document.getElementById('password-cancel')!;
  reason.textContent = wrong ? 'That password is not correct. Try again.' : 'Enter the password to open it.';
  reason.classList.toggle('error', wrong);
  input.value = '';
  return new Promise((resolve) => {
    const done = (value: string | null) => {
      form.removeEventListener('submit', onSubmit);
      cancel.removeEventListener('click', onCancel);
      dialog.removeEventListener('cancel', onCancel);
      if (dialog.open) dialog.close();
      resolve(value);
    };
    const onSubmit = (e: Event) => {
      e.preventDefault();
      done(input.value);
    };
    const onCancel = (e: Event) => {
      e.preventDefault();
      done(null);
    };
    form.addEventListener('submit', onSubmit);
    cancel.addEventListener('click', onCancel);
    dialog.addEventListener('cancel', onCancel);
    dialog.showModal();
    input.focus();
  });
}
