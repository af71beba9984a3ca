import type { VillageHeadsFieldsFragment } from '../../generated/graphql';
import { html } from '../../ui';
import { formatPhone, telHref } from '../../../../../shared/pure/key-people';

/**
 * The heads of the commune's villages (trưởng thôn): part of the commune page's query when signed in (the plans'
 * `Village.keyPeople`: null outside the caller's area).
 */
export const VILLAGE_HEADS_FIELDS = /* GraphQL */ `
  fragment VillageHeadsFields on Commune {
    villages {
      id
      keyPeople {
        role
        fullName
        phone
      }
    }
  }
`;

/** A village head as the chase list shows it. */
export interface VillageHead {
  fullName: string;
  phone: string | null;
}

/**
 * The heads of the villages by village id, from the page's answer: empty for anyone not allowed to see them, and
 * when that part failed: the chase list works without it.
 */
export function villageHeadsOf(part: VillageHeadsFieldsFragment | null | undefined): ReadonlyMap<string, VillageHead> {
  const found = new Map<string, VillageHead>();
  for (const v of part?.villages ?? []) {
    const head = v.keyPeople?.find((p) => p.role === 'VILLAGE_HEAD');
    if (head) found.set(v.id, { fullName: head.fullName, phone: head.phone ?? null });
  }
  return found;
}

/** Who to call about a village that has not reported: its head's name and a tel: link (+84…). */
export function VillageHeadContact(props: { head: VillageHead | undefined }) {
  const head = props.head;
  if (!head) return null;
  return html`<span class="contact" data-testid="village-head-contact">
    · Trưởng thôn ${head.fullName}
    ${
      head.phone
        ? html`<a href=${telHref(head.phone)} aria-label=${`Gọi trưởng thôn ${head.fullName}`}
            >${formatPhone(head.phone)}</a
          >`
        : null
    }</span
  >`;
}
