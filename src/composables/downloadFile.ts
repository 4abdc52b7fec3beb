/**
 * Hands a file to the browser as a download (a backup, a calendar file). The blob URL lives only
 * long enough for the download to start; nothing is sent anywhere.
 */
export function downloadFile(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob)
  const link = document.createElement('a')
  link.href = url
  link.download = filename
  link.rel = 'noopener'
  link.hidden = true
  document.body.append(link)
  link.click()
  link.remove()
  // Give the browser time to start the download before the file's address is dropped.
  setTimeout(() => {
    URL.revokeObjectURL(url)
  }, 60_000)
}
