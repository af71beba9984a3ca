import { html } from '../../ui';

/** A key person as the chase list reads it (Village.keyPeople: null when the caller may not see names). */
export interface ContactPerson {
  role: string;
  fullName: string;
  phone?: string | null;
}

/** 0912 345 678, 0255 3822 123: the number as people read it. */
function spaced(phone: string): string {
  return phone.length === 10
    ? `${phone.slice(0, 4)} ${phone.slice(4, 7)} ${phone.slice(7)}`
    : `${phone.slice(0, 4)} ${phone.slice(4, 8)} ${phone.slice(8)}`;
}

/**
 * Who to call about a village that has not reported: its head's name and a tel: link (+84…), for callers allowed
 * to see them; nothing otherwise.
 */
export function VillageHeadContact(props: { people: readonly ContactPerson[] | null | undefined }) {
  const head = props.people?.find((p) => p.role === 'VILLAGE_HEAD');
  if (!head) return null;
  return html`<span class="contact" data-testid="village-head-contact">
    · Trưởng thôn
    ${head.fullName}${
      head.phone
        ? html` <a href=${`tel:+84${head.phone.slice(1)}`} aria-label=${`Gọi trưởng thôn ${head.fullName}`}
            >${spaced(head.phone)}</a
          >`
        : null
    }</span
  >`;
}
