/** The key people page's GraphQL documents and the shapes of their answers. */
import type { KeyPeoplePageQuery } from '../../generated/graphql';

const KEY_PERSON_FIELDS = /* GraphQL */ `
  fragment KeyPersonFields on KeyPerson {
    id
    planId
    role
    revision
    current
    fullName
    phone
    certifiedOn
    change
    reason
    recordedAt
    recordedBy
    demo
  }
`;

export const KEY_PEOPLE = /* GraphQL */ `
  query KeyPeoplePage($id: ID!) {
    commune(id: $id) {
      id
      name
      kind
      province {
        id
        name
      }
      plans {
        id
        number
      }
      keyPeople {
        roles {
          role
          required
          named
          certified
        }
      }
      villages {
        id
        name
        formerCommune
        keyPeople {
          id
          planId
          role
          revision
          fullName
          phone
          certifiedOn
        }
      }
    }
  }
`;

export const HISTORY =
  /* GraphQL */ `
  query KeyPersonHistory($id: ID!) {
    commune(id: $id) {
      plans {
        id
        keyPeople(history: true) {
          ...KeyPersonFields
          village {
            id
          }
        }
      }
    }
  }
` + KEY_PERSON_FIELDS;

export const SET =
  /* GraphQL */ `
  mutation SetKeyPerson($input: SetKeyPersonInput!) {
    setKeyPerson(input: $input) {
      ...KeyPersonFields
    }
  }
` + KEY_PERSON_FIELDS;

export const CERTIFY =
  /* GraphQL */ `
  mutation RecordKeyPersonCertification(
    $planId: ID!
    $villageId: ID!
    $role: KeyPersonRole!
    $certifiedOn: Date
    $reason: String
  ) {
    recordKeyPersonCertification(
      planId: $planId
      villageId: $villageId
      role: $role
      certifiedOn: $certifiedOn
      reason: $reason
    ) {
      ...KeyPersonFields
    }
  }
` + KEY_PERSON_FIELDS;

export type Commune = NonNullable<KeyPeoplePageQuery['commune']>;
export type Village = Commune['villages'][number];
export type Person = NonNullable<Village['keyPeople']>[number];
