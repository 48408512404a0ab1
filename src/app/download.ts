/** Hands `text` to the browser as a file download named `filename`. */
export function downloadText(text: string, filename: string, type: string): void {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(new Blob([text], { type }));
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Some browsers read the blob after click() returns: revoke later.
  setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
}
