/** The requests the benchmark times: what the province dashboard and the commune page send. */
export const PROVINCE_DASHBOARD = `query Dashboard($code: String!) {
  province(code: $code) {
    name
    population { adults }
    progress { learners certified officialsRate residentsRate participationRate figuresDate }
    ranking { position previous change commune { id name kind } progress { learners officialsRegistered residentsRegistered officialsRate residentsRate participationRate } }
  }
}`;

export const COMMUNE_BREAKDOWN = `query Commune($id: ID!) {
  commune(id: $id) {
    name kind
    population { adults }
    progress { learners officialsRate residentsRate participationRate source }
    rank { position outOf change }
    villages { id name formerCommune population { adults workingAge } progress { learners participationRate certified } }
    units { id name type staff progress { learners certified } }
  }
}`;
