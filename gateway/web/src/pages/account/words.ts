/** The Vietnamese part of an API message ("… (English)"): officials read only that. */
export function vietnamese(message: string): string {
  const cut = message.indexOf(' (');
  return cut > 0 ? message.slice(0, cut) : message;
}
