/** The demo's arithmetic: learner curves between anchor dates, and exact splits of a total over weights. */
const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;

/** Learners of a commune on a date: linear between anchor points, flat before the first. */
export function interpolate(anchors: Array<[string, number]>, date: string): number {
  const t = day(date);
  if (t <= day(anchors[0][0])) return anchors[0][1];
  for (let i = 1; i < anchors.length; i++) {
    const [d0, v0] = anchors[i - 1];
    const [d1, v1] = anchors[i];
    if (t <= day(d1)) return Math.round(v0 + ((v1 - v0) * (t - day(d0))) / (day(d1) - day(d0)));
  }
  return anchors[anchors.length - 1][1];
}

/** Splits a total over weights, exactly, capping each part at its capacity where one is given. */
export function allocate(total: number, weights: number[], caps?: Array<number | null>): number[] {
  const parts = weights.map(() => 0);
  let left = total;
  for (let pass = 0; pass < 4 && left > 0; pass++) {
    const open = weights.map((w, i) => (caps?.[i] == null || parts[i] < caps[i] ? w : 0));
    const sum = open.reduce((a, b) => a + b, 0);
    if (sum === 0) break;
    const share = open.map((w) => Math.floor((w / sum) * left));
    share.forEach((s, i) => {
      const room = caps?.[i] == null ? s : Math.min(s, caps[i] - parts[i]);
      parts[i] += room;
    });
    left = total - parts.reduce((a, b) => a + b, 0);
    // Remainders one by one to the largest open weights.
    const order = open
      .map((w, i) => [w, i] as const)
      .filter(([w]) => w > 0)
      .sort((a, b) => b[0] - a[0]);
    for (const [, i] of order) {
      if (left === 0) break;
      if (caps?.[i] != null && parts[i] >= caps[i]) continue;
      parts[i] += 1;
      left -= 1;
    }
  }
  return parts;
}
