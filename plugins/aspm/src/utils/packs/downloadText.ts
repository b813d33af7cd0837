import { PackExport } from '../../api';

/** Saves an exported file in the browser (a temporary link to a Blob). */
export function downloadText(file: PackExport): void {
  const url = URL.createObjectURL(
    new Blob([file.text], { type: file.contentType }),
  );
  const link = document.createElement('a');
  link.href = url;
  link.download = file.fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
