/** The fields of a commune report every report view asks for (one fragment, generated types from it). */
export const COMMUNE_REPORT_FIELDS = /* GraphQL */ `
  fragment CommuneReportFields on CommuneReport {
    id
    commune {
      id
      name
      kind
      keyPeople {
        line
      }
    }
    directiveId
    directiveNumber
    dueOn
    deadline
    status
    number
    difficulties
    proposals
    firstSubmittedAt
    submittedAt
    submittedBy
    onTime
    reviewedAt
    reviewedBy
    reviewNote
    revision
    updatedAt
    figureDifferences
    planPart {
      asOf
      plans {
        number
        tasksDone
        tasksTotal
        sessionsHeld
      }
      keyPeople {
        line
      }
    }
    figures {
      asOf
      figuresDate
      learners
      adults
      participationRate
      groups {
        group
        registered
        completed
        certified
      }
      villages {
        id
        name
        level
        formerCommune
        learners
        adults
        participationRate
        figuresDate
      }
      rank {
        position
        outOf
        previous
        change
      }
      notReported {
        id
        name
        level
      }
    }
  }
`;

/** Where a report's printable page is. */
export const reportPage = (communeId: string, id: number) => `/commune/${encodeURIComponent(communeId)}/report/${id}`;

/** Where a report's Word document is exported. */
export const reportDocx = (communeId: string, id: number) =>
  `/export/commune/${encodeURIComponent(communeId)}/report/${id}.docx`;
