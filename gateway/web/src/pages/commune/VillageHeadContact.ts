import { useEffect, useState } from 'preact/hooks';
import { gql } from '../../api';
import type { CommuneVillageHeadsQuery } from '../../generated/graphql';
import { TOKEN_KEY } from '../../session';
import { html } from '../../ui';

const VILLAGE_HEADS_QUERY = /* GraphQL */ `
  query CommuneVillageHeads($id: ID!) {
    commune(id: $id) {
      villages {
        id
        keyPeople {
          role
          fullName
          phone
        }
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
 * The heads of the commune's villages (trưởng thôn), by village id, for a signed-in caller allowed to see them (the
 * plans' `Village.keyPeople`: null outside the caller's area). Empty for anyone else, and when the question fails:
 * the chase list works without it.
 */
export function useVillageHeads(communeId: string): ReadonlyMap<string, VillageHead> {
  const [heads, setHeads] = useState<ReadonlyMap<string, VillageHead>>(new Map());
  useEffect(() => {
    const token = localStorage.getItem(TOKEN_KEY);
    setHeads(new Map());
    if (!token) return;
    let stale = false;
    gql<CommuneVillageHeadsQuery>(VILLAGE_HEADS_QUERY, { id: communeId }, token).then(
      (d) => {
        if (stale) return;
        const found = new Map<string, VillageHead>();
        for (const v of d.commune?.villages ?? []) {
          const head = v.keyPeople?.find((p) => p.role === 'VILLAGE_HEAD');
          if (head) found.set(v.id, { fullName: head.fullName, phone: head.phone ?? null });
        }
        setHeads(found);
      },
      () => undefined,
    );
    return () => {
      stale = true;
    };
  }, [communeId]);
  return heads;
}

/** 0912 345 678, 0255 3822 123: the number as people read it. */
function spaced(phone: string): string {
  return phone.length === 10
    ? `${phone.slice(0, 4)} ${phone.slice(4, 7)} ${phone.slice(7)}`
    : `${phone.slice(0, 4)} ${phone.slice(4, 8)} ${phone.slice(8)}`;
}

/** Who to call about a village that has not reported: its head's name and a tel: link (+84…). */
export function VillageHeadContact(props: { head: VillageHead | undefined }) {
  const head = props.head;
  if (!head) return null;
  return html`<span class="contact" data-testid="village-head-contact">
    · Trưởng thôn ${head.fullName}
    ${
      head.phone
        ? html`<a href=${`tel:+84${head.phone.slice(1)}`} aria-label=${`Gọi trưởng thôn ${head.fullName}`}
            >${spaced(head.phone)}</a
          >`
        : null
    }</span
  >`;
}
