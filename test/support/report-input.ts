/** A week's report from Xà Râu (V02949-08) naming `people`, as the edge tests send it. */
export const report = (people: Array<{ name: string }>, note?: string) => ({
  input: {
    reporterId: 'V02949-08',
    reportDate: '2025-12-05',
    note,
    groups: [{ group: 'RESIDENTS', registered: 10, completed: 5, certified: 1 }],
    people: people.map((p) => ({ role: 'RESIDENT', certified: false, guided: 1, ...p })),
  },
});
