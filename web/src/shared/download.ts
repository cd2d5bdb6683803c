/** Save text as a file: a Blob and a temporary link, so it works offline and without a server round trip. */
export function downloadText(text: string, filename: string, type = 'text/csv;charset=utf-8'): Blob {
  const blob = new Blob([text], { type });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
  return blob;
}
